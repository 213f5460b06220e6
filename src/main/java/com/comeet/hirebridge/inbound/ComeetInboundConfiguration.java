package com.comeet.hirebridge.inbound;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.comeet.hirebridge.company.HireBridgeProperties;

/**
 * Puts {@link ComeetRequestFilter} in front of every Comeet webhook, before any other filter can touch the body.
 */
@Configuration(proxyBeanMethods = false)
class ComeetInboundConfiguration {

    @Bean
    FilterRegistrationBean<ComeetRequestFilter> comeetRequestFilter(HireBridgeProperties properties) {
        FilterRegistrationBean<ComeetRequestFilter> registration =
                new FilterRegistrationBean<>(new ComeetRequestFilter(properties.maxBodySize().toBytes()));
        registration.addUrlPatterns("/comeet/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
