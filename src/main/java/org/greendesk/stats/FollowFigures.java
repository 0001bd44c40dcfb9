package org.greendesk.stats;

/**
 * Who follows what, now, and what they were sent over a period.
 *
 * @param followers SMEs following anything
 * @param follows follows in all
 * @param notices change notices sent in the period
 * @param reminders reminders sent in the period
 */
public record FollowFigures(Period period, int followers, int follows, int notices, int reminders) {}
