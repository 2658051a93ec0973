package dev.frontier.invoke;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Bedrock's inference profiles: the system-defined (cross-Region) ones, and the application inference profiles an
 * account creates to tag and track its spend on a model. Failures are {@link CloudException}s.
 */
public interface InferenceProfiles extends AutoCloseable {

    /**
     * An inference profile as listed.
     *
     * @param arn       its ARN (the model id to call)
     * @param id        its id ({@code us.amazon.nova-lite-v1:0} for a system profile)
     * @param name      its name
     * @param status    {@code ACTIVE}
     * @param modelArns the foundation models behind it
     */
    record Profile(String arn, String id, String name, String status, List<String> modelArns) {
        public Profile {
            modelArns = List.copyOf(modelArns);
        }
    }

    /**
     * A {@code CreateInferenceProfile} request.
     *
     * @param name               {@code inferenceProfileName}, 1..64 of {@code ([0-9a-zA-Z][ _-]?)+}
     * @param copyFrom           {@code modelSource.copyFrom}: a foundation-model or system inference-profile ARN
     * @param description        what it is for
     * @param tags               its tags (cost allocation)
     * @param clientRequestToken the idempotency token
     */
    record ProfileRequest(String name, String copyFrom, String description, Map<String, String> tags,
                          String clientRequestToken) {
        public ProfileRequest {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(copyFrom, "copyFrom");
            tags = Map.copyOf(tags);
        }
    }

    /** The application inference profiles of the account in the client's Region. */
    List<Profile> listApplication();

    /** The system-defined (cross-Region) inference profiles offered in the client's Region. */
    List<Profile> listSystem();

    /** Creates an application inference profile; returns its ARN. */
    String create(ProfileRequest request);

    @Override
    void close();
}
