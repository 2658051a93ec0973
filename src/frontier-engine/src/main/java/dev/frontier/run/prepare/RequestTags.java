package dev.frontier.run.prepare;

import dev.frontier.model.RequestMetadataFilter;
import dev.frontier.model.RunId;
import java.util.Map;

/**
 * The {@code requestMetadata} every evaluation call carries, so that Bedrock's invocation logs tell which suite, run
 * and candidate (or judge) a call was made for: eval spend can then be attributed, and the eval's own calls left
 * out of a distillation from logs ({@code notEquals: {frontier-suite: ...}}). The pairs never enter the response
 * cache key: a cached answer still hits across runs.
 */
public final class RequestTags {

    /** The suite's name. */
    public static final String SUITE = "frontier-suite";
    /** The run id. */
    public static final String RUN = "frontier-run";
    /** The candidate id, or {@code judge:<scorer id>} for a judge's call. */
    public static final String CANDIDATE = "frontier-candidate";

    private RequestTags() {
    }

    /** The pairs of a candidate's call. */
    public static Map<String, String> candidate(String suite, RunId run, String candidateId) {
        return Map.of(SUITE, value(suite), RUN, value(run.value()), CANDIDATE, value(candidateId));
    }

    /** The pairs of a judge's call. */
    public static Map<String, String> judge(String suite, RunId run, String scorerId) {
        return Map.of(SUITE, value(suite), RUN, value(run.value()), CANDIDATE, value("judge:" + scorerId));
    }

    /**
     * {@code text} as a request-metadata value: characters outside the set a distillation job's
     * {@code requestMetadataFilters} can match (narrower than Converse's: no {@code #} or {@code ,}) become
     * {@code -}, and it is cut at 256 characters (suite, run and candidate ids are inside the set already; scorer
     * ids may not be).
     */
    static String value(String text) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), RequestMetadataFilter.MAX_LENGTH));
        for (int i = 0; i < text.length() && b.length() < RequestMetadataFilter.MAX_LENGTH; i++) {
            char c = text.charAt(i);
            b.append(RequestMetadataFilter.CHARSET.matcher(String.valueOf(c)).matches() ? c : '-');
        }
        return b.toString();
    }
}
