package com.comeet.hirebridge.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * One row of the ledger. {@code payload} is null once the retention period has passed.
 */
public record HireRecord(
        String company,
        String candidateId,
        String personUid,
        String target,
        HireStatus status,
        boolean rehire,
        String employeeId,
        String eventReference,
        Integer hrisStatus,
        String hrisMessage,
        String displayMessage,
        int attempts,
        int deliveries,
        Instant receivedAt,
        Instant updatedAt,
        Instant leaseUntil,
        Long hrisDurationMs,
        Long totalDurationMs,
        String payload,
        int version) {

    static HireRecord read(ResultSet row, int number) throws SQLException {
        return new HireRecord(
                row.getString("company"),
                row.getString("candidate_id"),
                row.getString("person_uid"),
                row.getString("target"),
                HireStatus.of(row.getString("status")),
                row.getBoolean("rehire"),
                row.getString("employee_id"),
                row.getString("event_reference"),
                (Integer) row.getObject("hris_status", Integer.class),
                row.getString("hris_message"),
                row.getString("display_message"),
                row.getInt("attempts"),
                row.getInt("deliveries"),
                instant(row.getTimestamp("received_at")),
                instant(row.getTimestamp("updated_at")),
                instant(row.getTimestamp("lease_until")),
                (Long) row.getObject("hris_duration_ms", Long.class),
                (Long) row.getObject("total_duration_ms", Long.class),
                row.getString("payload"),
                row.getInt("version"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @Override
    public String toString() {
        return "HireRecord[company=" + company + ", candidateId=" + candidateId + ", status=" + status.column()
                + ", employeeId=" + employeeId + ", eventReference=" + eventReference + ", attempts=" + attempts
                + ", deliveries=" + deliveries + "]";
    }
}
