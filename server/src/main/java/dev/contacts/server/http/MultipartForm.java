package dev.contacts.server.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.contacts.model.FieldError;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * The text fields of a {@code multipart/form-data} body (RFC 7578), read by Apache James mime4j: what a browser's
 * {@code FormData} sends. A body that is not such a form is the client's fault (422), never a 500.
 */
final class MultipartForm {

    private MultipartForm() {
    }

    /** Field name to value; {@code contentType} is the request's Content-Type header, boundary included. */
    static Map<String, String> fields(byte[] body, String contentType) {
        MimeTokenStream stream = new MimeTokenStream(MimeConfig.STRICT);
        stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            stream.parseHeadless(new ByteArrayInputStream(body), contentType);
            if (stream.getBodyDescriptor().getBoundary() == null) {
                throw malformed();
            }
            String name = null;
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM;
                 state = stream.next()) {
                switch (state) {
                    case T_START_BODYPART -> name = null;
                    case T_FIELD -> {
                        Field field = stream.getField();
                        if (field.getName().equalsIgnoreCase("Content-Disposition")) {
                            name = formDataName(field);
                        }
                    }
                    case T_BODY -> {
                        if (name == null) {
                            throw malformed();
                        }
                        // the whole body was checked to be UTF-8 before this
                        fields.put(name, new String(stream.getDecodedInputStream().readAllBytes(),
                                StandardCharsets.UTF_8));
                    }
                    default -> {
                    }
                }
            }
        } catch (MimeException | IOException e) {
            // the body is in memory: mime4j raises (MimeIOException) only for what it cannot parse
            throw malformed();
        }
        return fields;
    }

    /** The {@code name} of {@code Content-Disposition: form-data; name="..."}, or null for another kind of part. */
    private static String formDataName(Field field) throws MimeException {
        var disposition = RawFieldParser.DEFAULT.parseRawBody(RawFieldParser.DEFAULT.parseField(field.getRaw()));
        if (!disposition.getValue().equalsIgnoreCase("form-data")) {
            return null;
        }
        return disposition.getParams().stream()
                .filter(param -> param.getName().equalsIgnoreCase("name"))
                .map(NameValuePair::getValue)
                .findFirst().orElse(null);
    }

    private static ValidationException malformed() {
        return new ValidationException(new FieldError(List.of("body"), "Malformed multipart form body",
                "value_error"));
    }
}
