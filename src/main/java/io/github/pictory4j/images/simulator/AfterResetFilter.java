package io.github.pictory4j.images.simulator;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;

/**
 * Keeps JAX-RS from setting a status on a response that a scripted reset has already committed (see
 * {@link FaultResponses}): the resource then returns no response, JAX-RS sets 204 anyway, and Open
 * Liberty would log a warning ({@code SRVE8115W}) for every reset. The status of a committed response
 * cannot change, so ignoring the call changes nothing the client sees.
 */
@WebFilter(urlPatterns = "/simulator/pictoryapis/*")
public class AfterResetFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response instanceof HttpServletResponse http ? new StatusOnceCommitted(http) : response);
    }

    private static final class StatusOnceCommitted extends HttpServletResponseWrapper {

        StatusOnceCommitted(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
            if (!isCommitted()) {
                super.setStatus(status);
            }
        }
    }
}
