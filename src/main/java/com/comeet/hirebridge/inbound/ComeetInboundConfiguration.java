package com.comeet.hirebridge.inbound;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.comeet.hirebridge.company.HireBridgeProperties;

/**
 * Puts {@link ComeetRequestFilter} in front of every request, before any other filter can touch the body, and
 * makes Tomcat answer its own errors as JSON.
 */
@Configuration(proxyBeanMethods = false)
class ComeetInboundConfiguration {

    @Bean
    FilterRegistrationBean<ComeetRequestFilter> comeetRequestFilter(HireBridgeProperties properties) {
        FilterRegistrationBean<ComeetRequestFilter> registration =
                new FilterRegistrationBean<>(new ComeetRequestFilter(properties.maxBodySize().toBytes()));
        // Every path: the filter itself decides on the raw path, which the servlet mapping would see normalised.
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Tomcat's error answers as JSON too. Tomcat refuses TRACE before any filter, with an empty body: it is let in
     * so that {@link ComeetRequestFilter} refuses it in JSON, first of all.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonTomcatErrors() {
        return factory -> {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                }
            });
            factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
        };
    }
}
