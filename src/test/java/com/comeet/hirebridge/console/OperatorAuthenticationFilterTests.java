package com.comeet.hirebridge.console;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.comeet.hirebridge.company.HireBridgeProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator credential check alone: never open when no password is configured. */
class OperatorAuthenticationFilterTests {

    @Test
    void withNoPasswordConfiguredEveryRequestIsRefused() throws Exception {
        for (String password : new String[] {null, "", "  "}) {
            OperatorAuthenticationFilter filter =
                    new OperatorAuthenticationFilter(new HireBridgeProperties.Admin("admin", password));

            for (String offered : new String[] {"admin:", "admin:  ", "admin:null", ":"}) {
                MockHttpServletResponse response = call(filter, offered);

                assertThat(response.getStatus()).as(offered).isEqualTo(401);
                assertThat(response.getContentAsString()).isEqualTo(OperatorAuthenticationFilter.NOT_AUTHORISED);
                assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"hire-bridge-admin\"");
            }
        }
    }

    @Test
    void theConfiguredCredentialPassesAndAPasswordWithAColonIsWhole() throws Exception {
        OperatorAuthenticationFilter filter =
                new OperatorAuthenticationFilter(new HireBridgeProperties.Admin("admin", "s3:cret"));

        assertThat(call(filter, "admin:s3:cret").getStatus()).isEqualTo(200);
        assertThat(call(filter, "admin:s3").getStatus()).isEqualTo(401);
        assertThat(call(filter, "Admin:s3:cret").getStatus()).isEqualTo(401);
    }

    private static MockHttpServletResponse call(OperatorAuthenticationFilter filter, String credentials)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/admin/hires");
        request.addHeader("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
