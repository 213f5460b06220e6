package com.comeet.hirebridge;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.comeet.hirebridge.bamboohr.BambooHrStandIn;

/**
 * The running bridge with company acme on the BambooHR stand-in, starting each test as a first delivery: the
 * stand-in reset and the ledger empty. One stand-in serves every such test class, so classes without settings of
 * their own share one Spring context.
 */
@HireBridgeTest
public abstract class AcmeOnBambooHrStandIn {

    protected static final BambooHrStandIn BAMBOOHR = BambooHrStandIn.start();
    protected static final String SECRET = "acme-secret-2026";
    protected static final String WEBHOOK = "/comeet/acme/create-employee";

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(BAMBOOHR::close));
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient db;

    protected ComeetClient comeet;

    @DynamicPropertySource
    static void bamboohr(DynamicPropertyRegistry registry) {
        registry.add("test.bamboohr.base-url", () -> BAMBOOHR.baseUrl("acme"));
    }

    @BeforeEach
    void startAsFirstDelivery() {
        BAMBOOHR.reset();
        db.sql("DELETE FROM hire_file").update();
        db.sql("DELETE FROM hire").update();
        comeet = new ComeetClient(port);
    }
}
