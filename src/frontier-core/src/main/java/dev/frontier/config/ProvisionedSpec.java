package dev.frontier.config;

import java.math.BigDecimal;

/**
 * Provisioned Throughput terms a user supplies for one model (Bedrock publishes no current hourly prices).
 *
 * @param model                  the model
 * @param hourlyPerModelUnit     USD per model unit per hour
 * @param tokensPerMinutePerUnit tokens (input + output) one model unit serves per minute
 * @param commitment             e.g. {@code none}, {@code 1-month}, {@code 6-month}, for the report
 */
public record ProvisionedSpec(String model, BigDecimal hourlyPerModelUnit, long tokensPerMinutePerUnit,
                              String commitment) {
}
