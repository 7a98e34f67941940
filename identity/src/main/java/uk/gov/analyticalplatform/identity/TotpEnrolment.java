package uk.gov.analyticalplatform.identity;

/**
 * A new authenticator to add to an app.
 *
 * @param secret the shared secret, base32 encoded
 * @param otpauthUri the {@code otpauth://totp/...} URI that the QR code encodes
 * @param qrCodePng the QR code as a PNG image
 */
public record TotpEnrolment(String secret, String otpauthUri, byte[] qrCodePng) {

}
