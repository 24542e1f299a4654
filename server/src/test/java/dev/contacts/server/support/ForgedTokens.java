package dev.contacts.server.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Hand-made JWTs, to try what an attacker would: other algorithms, no signature, edited claims. */
public final class ForgedTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private ForgedTokens() {
    }

    /** {@code header.payload.signature}, signed with {@code macAlgorithm} (e.g. HmacSHA256), or unsigned if null. */
    public static String make(String headerJson, String payloadJson, byte[] secret, String macAlgorithm) {
        String signingInput = encode(headerJson) + "." + encode(payloadJson);
        if (macAlgorithm == null) {
            return signingInput + ".";
        }
        try {
            Mac mac = Mac.getInstance(macAlgorithm);
            mac.init(new SecretKeySpec(secret, macAlgorithm));
            return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Standard claims for {@code sub}, valid for the next ten minutes, with the given issuer and audience. */
    public static String claims(String sub, String iss, String aud, long expEpochSeconds) {
        long now = System.currentTimeMillis() / 1000;
        return "{\"sub\":\"" + sub + "\",\"iss\":\"" + iss + "\",\"aud\":[\"" + aud + "\"],\"iat\":" + now
                + ",\"exp\":" + expEpochSeconds + ",\"jti\":\"forged-" + now + "\",\"ver\":0}";
    }

    public static String encode(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The payload of a token, decoded. */
    public static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
