package com.comeet.hirebridge.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL database of its own for a test, as production runs the ledger on. One embedded server serves the
 * whole JVM: it starts on first use (its binaries come from Maven Central as a dependency) and stops when the JVM
 * exits. Each {@link #create()} makes a new, empty database on it, so tests never see each other's rows.
 */
public final class PostgresDatabase {

    /** The superuser initdb creates; the embedded server trusts local connections, so it has no password. */
    private static final String USER = "postgres";
    private static final AtomicInteger CREATED = new AtomicInteger();

    private static EmbeddedPostgres server;

    private final String name;
    private final DataSource dataSource;
    private final String url;

    private PostgresDatabase(String name, DataSource dataSource, String url) {
        this.name = name;
        this.dataSource = dataSource;
        this.url = url;
    }

    /** A new, empty database on the JVM's embedded server, started now if it is not running yet. */
    public static PostgresDatabase create() {
        EmbeddedPostgres postgres = server();
        String name = "hirebridge_" + CREATED.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return new PostgresDatabase(name, postgres.getDatabase(USER, name), postgres.getJdbcUrl(USER, name));
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
            } catch (IOException e) {
                throw new UncheckedIOException("The embedded PostgreSQL did not start", e);
            }
        }
        return server;
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return "";
    }

    /** Points the bridge under test at this database. */
    public void addTo(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", this::url);
        registry.add("spring.datasource.username", this::user);
        registry.add("spring.datasource.password", this::password);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The Spring Boot command-line arguments that point a bridge at this database. */
    public String[] datasourceArguments() {
        return new String[] {
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + USER,
            "--spring.datasource.password="
        };
    }
}
