package io.github.pictory4j.images.client.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks an {@link HttpUrl}: parseable, absolute, http(s), with a host, not too long. */
public class HttpUrlValidator implements ConstraintValidator<HttpUrl, CharSequence> {

    private int maxLength;

    @Override
    public void initialize(HttpUrl constraint) {
        maxLength = constraint.maxLength();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        if (value.length() > maxLength) {
            return reject(context, "must be at most " + maxLength + " characters long");
        }
        return isAbsoluteHttpUrl(value.toString())
                || reject(context, "must be an absolute http or https URL, such as https://example.com/image.png");
    }

    /** Absolute http(s) with a host: what can be fetched from, or posted to, from anywhere. */
    public static boolean isAbsoluteHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean reject(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
        return false;
    }
}
