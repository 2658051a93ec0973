/**
 * Routing: would a policy that sends each request to one of the candidates beat the best single candidate? Offline,
 * from a stored run's per-item quality, cost and cheap signals. Pure: no I/O, no environment, no clock; randomness
 * only from the seed given.
 *
 * <ul>
 *   <li>{@link dev.frontier.route.Routing#analyse} (the front door): singles, the oracle bound, cascades on a signal
 *   and learned routers on prompt-only features (Tribuo's logistic regression), cross-fitted, each tested for
 *   non-inferiority to the incumbent with Holm's correction across the routing policies, the frontier and the best
 *   policy, in a {@link dev.frontier.route.RoutingAnalysis}.</li>
 *   <li>The input: {@link dev.frontier.route.RoutingData} of {@link dev.frontier.route.Arm}s with their
 *   {@link dev.frontier.route.Signal}s, and {@link dev.frontier.route.Features}; the settings:
 *   {@link dev.frontier.route.RoutingOptions}.</li>
 *   <li>{@link dev.frontier.route.Policy} (sealed) the policies as deployed, and
 *   {@link dev.frontier.route.PolicyExport} their JSON artefact.</li>
 * </ul>
 */
package dev.frontier.route;
