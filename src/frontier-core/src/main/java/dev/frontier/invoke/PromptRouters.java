package dev.frontier.invoke;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bedrock's prompt routers (control plane: {@code CreatePromptRouter}, {@code GetPromptRouter},
 * {@code ListPromptRouters}, {@code DeletePromptRouter}). A suite's routers are created through this port at run
 * start and deleted by {@code frontier jobs stop}; calls through them go through {@link ModelClient} with the
 * router's ARN as the model id. Failures are {@link CloudException}s.
 */
public interface PromptRouters extends AutoCloseable {

    /**
     * A {@code CreatePromptRouter} request.
     *
     * @param name                      {@code promptRouterName}: 1–64 characters of {@code ([0-9a-zA-Z][ _-]?)+}
     * @param modelArns                 {@code models[].modelArn}: foundation-model or inference-profile ARNs
     * @param fallbackModelArn          {@code fallbackModel.modelArn}, one of {@code modelArns}
     * @param responseQualityDifference {@code routingCriteria.responseQualityDifference}, 0–100
     * @param description               1–200 characters, empty for none
     * @param tags                      the router's tags
     * @param clientRequestToken        the idempotency token
     */
    record RouterRequest(String name, List<String> modelArns, String fallbackModelArn,
                         double responseQualityDifference, Optional<String> description, Map<String, String> tags,
                         String clientRequestToken) {
        public RouterRequest {
            modelArns = List.copyOf(modelArns);
            tags = Map.copyOf(tags);
        }

        /** Whether {@code router} has the settings this request asks for (name, models, fallback, criteria). */
        public boolean sameSettings(Router router) {
            return router.name().equals(name) && router.modelArns().size() == modelArns.size()
                    && router.modelArns().containsAll(modelArns) && router.fallbackModelArn().equals(fallbackModelArn)
                    && Double.compare(router.responseQualityDifference(), responseQualityDifference) == 0;
        }
    }

    /**
     * A router as {@code GetPromptRouter} / {@code ListPromptRouters} report it.
     *
     * @param arn                       {@code promptRouterArn}
     * @param name                      {@code promptRouterName}
     * @param modelArns                 {@code models[].modelArn}
     * @param fallbackModelArn          {@code fallbackModel.modelArn}
     * @param responseQualityDifference {@code routingCriteria.responseQualityDifference}
     * @param status                    {@code AVAILABLE} (the only status the API defines)
     * @param type                      {@code custom} or {@code default}
     */
    record Router(String arn, String name, List<String> modelArns, String fallbackModelArn,
                  double responseQualityDifference, String status, String type) {
        public Router {
            modelArns = List.copyOf(modelArns);
        }
    }

    /** Creates a router; returns its ARN (the same one again for the same client request token). */
    String create(RouterRequest request);

    /** The router, empty when Bedrock does not know it ({@code ResourceNotFoundException}). */
    Optional<Router> get(String arn);

    /** The account's configured ({@code custom}) routers, every page. */
    List<Router> listCustom();

    /**
     * The routers Bedrock provides in the account ({@code type=default}); their ARNs name the account, which an
     * inference-profile ARN needs.
     */
    List<Router> listDefault();

    /** Deletes a router; a router already gone is not an error. */
    void delete(String arn);

    @Override
    void close();
}
