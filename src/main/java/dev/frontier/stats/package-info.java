/**
 * Statistics over per-item scores: seeded bootstrap confidence intervals and percentiles. Pure: randomness
 * comes only from the seed given. The front door is {@link dev.frontier.stats.Bootstrap}.
 */
package dev.frontier.stats;
