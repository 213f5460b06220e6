package com.comeet.hirebridge.console;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.comeet.hirebridge.company.HireBridgeProperties;

/**
 * Puts {@link OperatorAuthenticationFilter} in front of {@code /admin/**} only, right after the filter that refuses
 * dot segments; every other path is served exactly as without the operator API.
 */
@Configuration(proxyBeanMethods = false)
class OperatorApiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OperatorApiConfiguration.class);

    @Bean
    FilterRegistrationBean<OperatorAuthenticationFilter> operatorAuthenticationFilter(
            HireBridgeProperties properties) {
        if (!properties.admin().configured()) {
            log.info("Operator API closed: hirebridge.admin.password is not set, so /admin/** answers 401");
        }
        FilterRegistrationBean<OperatorAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new OperatorAuthenticationFilter(properties.admin()));
        // Servlet patterns match the path as Tomcat decoded and normalised it: /%61dmin and //admin are covered.
        registration.addUrlPatterns("/admin", "/admin/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Comeet's candidate ids may hold a slash, which the operator spells %2F in a hire's address. Tomcat refuses
     * %2F by default; passed through, it stays inside one path segment and reaches the handler decoded. It never
     * separates segments, so no path reaches a handler or escapes the filter above through it.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashInCandidateIds() {
        return factory -> factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling(
                EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }
}
