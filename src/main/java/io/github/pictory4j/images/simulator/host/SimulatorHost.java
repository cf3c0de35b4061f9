package io.github.pictory4j.images.simulator.host;

import io.github.pictory4j.images.simulator.AfterResetFilter;
import io.github.pictory4j.images.simulator.SimulatorApplication;
import io.github.pictory4j.images.simulator.SimulatorConfigurationException;
import io.github.pictory4j.images.simulator.SimulatorSettings;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.ws.rs.ApplicationPath;
import org.eclipse.microprofile.config.Config;
import org.jboss.resteasy.core.ResteasyDeploymentImpl;
import org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher;
import org.jboss.resteasy.plugins.server.servlet.ResteasyContextParameters;
import org.jboss.resteasy.spi.ResteasyDeployment;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.AbstractMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Serves the simulator's resources, the same classes as in a WAR's {@link SimulatorApplication}, on
 * RESTEasy over Undertow's servlet container, without CDI (see {@link SimulatorAssembly}) and with a
 * MicroProfile Config built from the settings given (SmallRye Config). The standalone launcher calls
 * {@link #start} by reflection, from a class loader of its own, with JDK types only (exceptions included).
 */
public final class SimulatorHost {

    /** The same path as in a WAR, so that the simulator's URLs differ only by host and port. */
    static final String PATH = SimulatorApplication.class.getAnnotation(ApplicationPath.class).value();

    private SimulatorHost() {
    }

    /**
     * Starts a simulator on {@code hostname}:{@code port} (0 for a free port).
     *
     * @param settings MicroProfile Config properties, such as {@code pictory.simulator.enabled=true}
     * @return the simulator's base URL, and what stops it and frees its port
     */
    public static Map.Entry<URI, AutoCloseable> start(String hostname, int port, Map<String, String> settings) {
        QuietRuntimeLogs.apply();
        Config config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(settings, "pictory simulator (standalone)", 400)).build();
        try {
            SimulatorSettings.from(config); // a wrong setting fails here, naming it, rather than at the first request
        } catch (SimulatorConfigurationException wrong) {
            // A JDK type: the caller cannot see this class loader's.
            throw new IllegalArgumentException(wrong.getMessage(), wrong);
        }
        ScheduledExecutorService scheduler = WebhookScheduler.create();
        SimulatorAssembly assembly = new SimulatorAssembly(
                Map.of(Config.class, config, ScheduledExecutorService.class, scheduler));
        DeploymentManager manager = Servlets.newContainer().addDeployment(deployment(assembly));
        manager.deploy();
        try {
            Undertow server = Undertow.builder().setIoThreads(2).setWorkerThreads(16)
                    .addHttpListener(port, hostname)
                    .setHandler(Handlers.path().addPrefixPath("/", manager.start())).build();
            server.start();
            InetSocketAddress bound = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
            URI baseUrl = URI.create("http://" + hostname + ":" + bound.getPort() + PATH);
            return new AbstractMap.SimpleImmutableEntry<>(baseUrl, () -> stop(server, manager, scheduler));
        } catch (ServletException | RuntimeException e) {
            scheduler.shutdownNow();
            throw new IllegalStateException("The simulator could not start on " + hostname + ":" + port + ": " + e, e);
        }
    }

    private static DeploymentInfo deployment(SimulatorAssembly assembly) {
        ResteasyDeployment resteasy = new ResteasyDeploymentImpl();
        resteasy.setApplication(new AssembledApplication(assembly));
        return Servlets.deployment()
                .setClassLoader(SimulatorHost.class.getClassLoader())
                .setContextPath("")
                .setDeploymentName("pictory-simulator")
                .addServletContextAttribute(ResteasyDeployment.class.getName(), resteasy)
                .addServlet(Servlets.servlet("simulator", HttpServlet30Dispatcher.class)
                        .addMapping(PATH + "/*")
                        .addInitParam(ResteasyContextParameters.RESTEASY_SERVLET_MAPPING_PREFIX, PATH)
                        .setAsyncSupported(true)
                        .setLoadOnStartup(1))
                // In a WAR, @WebFilter registers it; here nothing scans for it.
                .addFilter(Servlets.filter("after-reset", AfterResetFilter.class))
                .addFilterUrlMapping("after-reset", PATH + "/*", DispatcherType.REQUEST);
    }

    private static void stop(Undertow server, DeploymentManager manager, ScheduledExecutorService scheduler)
            throws ServletException {
        try {
            server.stop();
            manager.stop();
            manager.undeploy();
        } finally {
            scheduler.shutdownNow();
        }
    }
}
