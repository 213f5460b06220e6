package com.comeet.hirebridge.console;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.comeet.hirebridge.ledger.PostgresDatabase;

/**
 * The operator API's tests on a real PostgreSQL server (embedded), as in production: what an operator may type
 * into a filter or an address is answered as on H2.
 */
class OperatorApiOnPostgresTests extends OperatorApiTests {

    private static final PostgresDatabase DATABASE = PostgresDatabase.create();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        DATABASE.addTo(registry);
    }
}
