package dev.frontier.run.flow;

/**
 * What a run records about where calls went.
 *
 * @param toolVersion frontier's version
 * @param endpoint    {@code sandbox} or {@code bedrock}
 * @param region      AWS region or empty
 * @param simulated   whether the models are simulations
 */
public record RunContext(String toolVersion, String endpoint, String region, boolean simulated) {
}
