package com.comeet.hirebridge.workday;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.comeet.hirebridge.ComeetClient;
import com.comeet.hirebridge.HireBridgeTest;

/**
 * The running bridge with company initech on the Workday stand-in and globex on an address that refuses every
 * connection (beside the test profile's acme on BambooHR), starting each test as a first delivery: the stand-in reset and the ledger empty.
 */
@HireBridgeTest
abstract class InitechOnWorkdayStandIn {

    /** Every character XML escapes, so that the WS-Security header proves the escaping. */
    static final String PASSWORD = "Wd&<pass>\"word'26";
    static final String SECRET = "initech-secret-2026";
    static final String WEBHOOK = "/comeet/initech/create-employee";
    /** Company globex is on a Workday no one listens for: every connection is refused. */
    static final String UNREACHABLE_WEBHOOK = "/comeet/globex/create-employee";
    static final WorkdayStandIn WORKDAY = WorkdayStandIn.start(PASSWORD);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(WORKDAY::close));
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    ComeetClient comeet;

    @DynamicPropertySource
    static void initech(DynamicPropertyRegistry registry) {
        // acme's BambooHR is never called here: no test posts to acme.
        registry.add("test.bamboohr.base-url", () -> "http://127.0.0.1:9/api/gateway.php/acme");
        registry.add("hirebridge.companies.initech.secrets[0]", () -> SECRET);
        registry.add("hirebridge.companies.initech.target", () -> "workday");
        registry.add("hirebridge.companies.initech.workday.endpoint", WORKDAY::endpoint);
        registry.add("hirebridge.companies.initech.workday.username", () -> WorkdayStandIn.USERNAME);
        registry.add("hirebridge.companies.initech.workday.password", () -> PASSWORD);
        registry.add("hirebridge.companies.initech.workday.auto-complete", () -> "true");
        registry.add("hirebridge.companies.globex.secrets[0]", () -> SECRET);
        registry.add("hirebridge.companies.globex.target", () -> "workday");
        registry.add("hirebridge.companies.globex.workday.endpoint",
                () -> "http://127.0.0.1:9/ccx/service/globex/Staffing/v26.1");
        registry.add("hirebridge.companies.globex.workday.username", () -> "isu_hire@globex");
        registry.add("hirebridge.companies.globex.workday.password", () -> PASSWORD);
    }

    @BeforeEach
    void startAsFirstDelivery() {
        WORKDAY.reset(PASSWORD);
        db.sql("DELETE FROM hire_file").update();
        db.sql("DELETE FROM hire").update();
        comeet = new ComeetClient(port);
    }
}
