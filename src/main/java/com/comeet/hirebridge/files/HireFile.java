package com.comeet.hirebridge.files;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** One row of {@code hire_file}, without the content. */
public record HireFile(
        String company,
        String candidateId,
        FileKind kind,
        int position,
        String name,
        String contentType,
        Long sizeBytes,
        FileStatus status,
        String error,
        String hrisFileId,
        Instant updatedAt) {

    static HireFile read(ResultSet row, int number) throws SQLException {
        long size = row.getLong("size_bytes");
        Long sizeBytes = row.wasNull() ? null : size;
        Timestamp updated = row.getTimestamp("updated_at");
        return new HireFile(
                row.getString("company"),
                row.getString("candidate_id"),
                FileKind.of(row.getString("kind")),
                row.getInt("position"),
                row.getString("name"),
                row.getString("content_type"),
                sizeBytes,
                FileStatus.of(row.getString("status")),
                row.getString("error"),
                row.getString("hris_file_id"),
                updated == null ? null : updated.toInstant());
    }
}
