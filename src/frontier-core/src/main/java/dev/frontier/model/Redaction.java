package dev.frontier.model;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credential-looking values from text that came back from an endpoint (an error message that echoes the
 * request's headers, a proxy's page), before it is stored or shown: AWS access key ids ({@code AKIA…}, {@code ASIA…}),
 * secret access keys, session tokens ({@code X-Amz-Security-Token}), {@code Authorization} headers and SigV4
 * signatures. Each is replaced by {@value #MARK}; an access key id keeps its first four characters, which say only its
 * kind.
 */
public final class Redaction {
    /** What a removed value is replaced with. */
    public static final String MARK = "[redacted]";

    /** Access key ids: four letters for the kind (AKIA long-term, ASIA temporary …) and 16 more. */
    private static final Pattern KEY_ID = Pattern.compile("\\b(A[KS]IA|AIDA|AROA|ANPA|ANVA|AGPA|ABIA|ACCA)[A-Z0-9]{16}\\b");
    /** A named secret: header, query or JSON key, then a separator, then the value. */
    private static final Pattern NAMED = Pattern.compile("(?i)(x-amz-security-token|x-amz-signature|"
            + "aws_secret_access_key|aws_session_token|secret_?access_?key|session_?token|security_?token|signature)"
            + "(\"?\\s*[:=]\\s*\"?)([^\\s\"&,;]+)");
    /** An Authorization header: its value runs to the end of the line (it holds spaces). */
    private static final Pattern AUTHORIZATION = Pattern.compile("(?i)(authorization)(\"?\\s*[:=]\\s*\"?)"
            + "([^\\r\\n\"]+)");
    /** A bare 40-character secret access key: base64 letters with both cases (so no hex digest matches). */
    private static final Pattern SECRET = Pattern.compile("(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+]{0,39}[a-z])"
            + "(?=[A-Za-z0-9/+]{0,39}[A-Z])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");
    /** A bare session token: a long base64 run (STS tokens run to hundreds of characters). */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9/+]{100,}={0,2}");

    private Redaction() {
    }

    /** {@code text} with credential-looking values replaced; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = replace(AUTHORIZATION.matcher(text), m -> m.group(1) + m.group(2) + MARK);
        out = replace(NAMED.matcher(out), m -> m.group(1) + m.group(2) + MARK);
        out = replace(KEY_ID.matcher(out), m -> m.group(1) + MARK);
        for (Pattern p : List.of(TOKEN, SECRET)) {
            out = replace(p.matcher(out), m -> MARK);
        }
        return out;
    }

    private static String replace(Matcher m, java.util.function.Function<Matcher, String> with) {
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
