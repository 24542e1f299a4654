package dev.contacts.model;

/**
 * The answer of {@code POST /token/} and {@code POST /token/refresh/}: a short-lived bearer access token, its
 * lifetime in seconds, and an opaque refresh token for the next one.
 */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {

    public static TokenResponse bearer(String accessToken, long expiresIn, String refreshToken) {
        return new TokenResponse(accessToken, "bearer", expiresIn, refreshToken);
    }

    @Override
    public String toString() {
        return "TokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
    }
}
