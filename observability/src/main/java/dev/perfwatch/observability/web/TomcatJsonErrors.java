package dev.perfwatch.observability.web;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.core.StandardHost;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Installs {@link JsonErrorReportValve} as Tomcat's error report valve, so the few errors Tomcat
 * answers on its own are JSON too, and {@link ClientMistakeAdapter}, so none of them is a 5xx.
 */
public class TomcatJsonErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
			}
		});
		// The connector makes its adapter when it initialises: wrap it then.
		factory.addConnectorCustomizers((connector) -> connector.addLifecycleListener((event) -> {
			if (Lifecycle.AFTER_INIT_EVENT.equals(event.getType())) {
				connector.getProtocolHandler()
					.setAdapter(new ClientMistakeAdapter(connector.getProtocolHandler().getAdapter()));
			}
		}));
	}

}
