package com.checkupflow.analytics;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.context.support.WebApplicationContextUtils;

import com.checkupflow.security.Roles;
import com.checkupflow.web.Problem;
import com.checkupflow.web.ProblemException;

/**
 * Engine adapter: the Cockpit plugin {@value #ID}. Its REST resource serves {@link HeatmapFigures} at
 * {@code /camunda/api/cockpit/plugin/checkupflow-heatmap/{engine}/activity-durations}, so the heatmap reads them on
 * the Cockpit session (Camunda's webapp security filter already requires a logged-in webapp user there; this
 * resource also requires an analytics role). Cockpit loads the plugin's script and style from
 * {@code plugin-webapp/checkupflow-heatmap/app/}. Registered in
 * {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}; Cockpit's JAX-RS application (Jersey)
 * collects {@link #getResourceClasses()}.
 */
public class CamundaHeatmapCockpitPlugin extends AbstractCockpitPlugin {

    static final String ID = "checkupflow-heatmap";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(RootResource.class);
    }

    /** Instantiated by Jersey per request; {@code servletContext} is injected by the base class. */
    @Path("plugin/" + ID)
    public static class RootResource extends AbstractCockpitPluginRootResource {

        public RootResource() {
            super(ID);
        }

        @Path("{engineName}/activity-durations")
        public ActivityDurationsResource activityDurations(@PathParam("engineName") String engineName) {
            // Jersey, not Spring, creates this resource: the figures come from the application context it runs in.
            HeatmapFigures figures = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
                    .getBean(HeatmapFigures.class);
            return subResource(new ActivityDurationsResource(engineName, figures), engineName);
        }
    }

    public static class ActivityDurationsResource extends AbstractCockpitPluginResource {

        private final HeatmapFigures figures;

        ActivityDurationsResource(String engineName, HeatmapFigures figures) {
            super(engineName);
            this.figures = figures;
        }

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public DataTable activityDurations(@QueryParam("processDefinitionKey") String processDefinitionKey,
                                           @QueryParam("from") String from, @QueryParam("to") String to,
                                           @QueryParam("center") String center) {
            requireAnalyticsReader();
            try {
                return figures.activityDurations(processDefinitionKey, from, to, center);
            } catch (ProblemException e) {
                throw new RestException(Status.fromStatusCode(e.status().value()),
                        e.problems().stream().map(Problem::detail).collect(Collectors.joining("; ")));
            }
        }

        /** The webapp session's user for this engine, as Camunda's authentication filter bound it to the request. */
        private void requireAnalyticsReader() {
            Authentications authentications = Authentications.getCurrent();
            Authentication authentication = authentications == null ? null
                    : authentications.getAuthenticationForProcessEngine(engineName);
            if (!(authentication instanceof UserAuthentication user)) {
                throw new RestException(Status.UNAUTHORIZED, "Log in to Cockpit first");
            }
            List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
            if (groups.stream().noneMatch(Roles.ANALYTICS_READERS::contains)) {
                throw new RestException(Status.FORBIDDEN, "The heatmap's figures are for managers and administrators");
            }
        }
    }
}
