package dev.contacts.server.contact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.ImageIO;

import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Photos: JPEG/PNG decoded as their declared type, checked, re-encoded to at most 512×512, served with an ETag. */
@ServerTest
class PhotosApiTest {

    private final TestApi api;
    private String token;
    private long id;

    PhotosApiTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server);
    }

    @BeforeEach
    void contact() {
        token = api.newUser();
        id = api.createContact(token, "Pic", "");
    }

    private String path() {
        return "/contacts/" + id + "/photo/";
    }

    private Response put(String type, byte[] bytes) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path()))
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return api.send(request);
    }

    private HttpResponse<byte[]> get() {
        return api.sendForBytes(HttpRequest.newBuilder(api.uri(path())).header("Authorization", "Bearer " + token)
                .GET());
    }

    private static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private boolean hasPhoto() {
        return api.get("/contacts/" + id + "/", token).json().get("has_photo").asBoolean();
    }

    @Test
    void aPngIsScaledDownToFit512AndServedWithItsTypeAndETag() throws Exception {
        assertEquals(404, get().statusCode(), "none yet");
        assertEquals(204, put("image/png", image("png", 1024, 600)).status());
        HttpResponse<byte[]> photo = get();
        assertEquals(200, photo.statusCode());
        assertEquals("image/png", photo.headers().firstValue("Content-Type").orElseThrow());
        String etag = photo.headers().firstValue("ETag").orElseThrow();
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(photo.body()));
        assertEquals(512, stored.getWidth());
        assertEquals(300, stored.getHeight());
        assertTrue(hasPhoto());

        assertEquals(204, put("image/jpeg", image("jpeg", 200, 100)).status());
        HttpResponse<byte[]> jpeg = get();
        assertEquals("image/jpeg", jpeg.headers().firstValue("Content-Type").orElseThrow());
        assertNotEquals(etag, jpeg.headers().firstValue("ETag").orElseThrow());
        assertEquals(200, ImageIO.read(new ByteArrayInputStream(jpeg.body())).getWidth(), "small ones keep their size");

        assertEquals(204, api.delete(path(), token).status());
        assertEquals(404, get().statusCode());
        assertEquals(false, hasPhoto());
    }

    private Response withIfMatch(String method, String ifMatch, byte[] png) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path()))
                .header("Authorization", "Bearer " + token).header("If-Match", ifMatch);
        if (png != null) {
            request.header("Content-Type", "image/png");
        }
        return api.send(request.method(method, png == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(png)));
    }

    private void assertChangedMeanwhile(Response r) {
        assertEquals(412, r.status(), r.toString());
        assertEquals("The contact was changed meanwhile", r.detail());
    }

    @Test
    void ifMatchHoldsAPhotosWritesToThePhotoTheClientSaw() throws Exception {
        byte[] png = image("png", 20, 10);
        assertChangedMeanwhile(withIfMatch("PUT", "*", png));
        assertEquals(404, get().statusCode(), "no photo yet, and none was stored");
        assertEquals(204, put("image/png", png).status());
        HttpResponse<byte[]> first = get();
        String seen = first.headers().firstValue("ETag").orElseThrow();
        String contact = api.get("/contacts/" + id + "/", token).header("ETag");

        byte[] other = image("png", 30, 10);
        assertChangedMeanwhile(withIfMatch("PUT", "\"not-it\"", other));
        assertChangedMeanwhile(withIfMatch("DELETE", "\"not-it\"", null));
        HttpResponse<byte[]> kept = get();
        assertArrayEquals(first.body(), kept.body(), "a refused write changes nothing");
        assertEquals(seen, kept.headers().firstValue("ETag").orElseThrow());
        assertEquals(contact, api.get("/contacts/" + id + "/", token).header("ETag"), "the contact is unchanged too");

        assertEquals(204, withIfMatch("PUT", "\"x\", " + seen, other).status(), "the tag it saw");
        String now = get().headers().firstValue("ETag").orElseThrow();
        assertNotEquals(seen, now);
        assertChangedMeanwhile(withIfMatch("PUT", seen, png));
        assertChangedMeanwhile(withIfMatch("DELETE", seen, null));
        assertEquals(204, withIfMatch("DELETE", now, null).status());
        assertEquals(404, get().statusCode());
        assertChangedMeanwhile(withIfMatch("DELETE", "*", null));
        assertEquals(204, put("image/png", png).status(), "without If-Match the last write wins");
        assertEquals(204, withIfMatch("PUT", "*", other).status(), "* matches a photo there");
    }

    @Test
    void aTextFileNamedPngIs422() {
        assertEquals(422, put("image/png", "this is not a picture.png\n".getBytes(StandardCharsets.UTF_8)).status());
        assertEquals(false, hasPhoto());
    }

    @Test
    void bytesOfAnotherFormatThanDeclaredAre422() throws IOException {
        assertEquals(422, put("image/png", image("jpeg", 10, 10)).status());
        assertEquals(422, put("image/jpeg", image("png", 10, 10)).status());
    }

    @Test
    void aTruncatedImageIs422() throws IOException {
        byte[] png = image("png", 300, 300);
        assertEquals(422, put("image/png", Arrays.copyOf(png, png.length / 2)).status());
        byte[] jpeg = image("jpeg", 300, 300);
        assertEquals(422, put("image/jpeg", Arrays.copyOf(jpeg, jpeg.length / 2)).status());
        assertEquals(false, hasPhoto());
    }

    @Test
    void moreThan4096PixelsOnASideIs422() throws IOException {
        assertEquals(204, put("image/png", image("png", 4096, 8)).status());
        assertEquals(422, put("image/png", image("png", 4097, 8)).status());
        assertEquals(422, put("image/png", image("png", 8, 4097)).status());
    }

    @Test
    void overOneMebibyteIs413AndOtherTypesAre415() {
        byte[] noise = new byte[1024 * 1024 + 1];
        new Random(1).nextBytes(noise);
        assertEquals(413, put("image/png", noise).status());
        assertEquals(415, put("image/gif", new byte[] {1}).status());
        assertEquals(415, put(null, new byte[] {1}).status());
        assertEquals(415, put("application/json", "{}".getBytes(StandardCharsets.UTF_8)).status());
    }

    @Test
    void anotherUsersContactHasNoPhotoForMe() throws Exception {
        assertEquals(204, put("image/png", image("png", 10, 10)).status());
        String owner = token;
        token = api.newUser();
        assertEquals(404, get().statusCode());
        assertEquals(404, put("image/png", image("png", 10, 10)).status());
        assertEquals(404, api.delete(path(), token).status());
        token = owner;
        assertArrayEquals(get().body(), get().body());
        assertEquals(200, get().statusCode());
    }
}
