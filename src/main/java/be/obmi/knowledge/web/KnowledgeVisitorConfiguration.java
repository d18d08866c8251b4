package be.obmi.knowledge.web;

import be.obmi.knowledge.news.PageViews;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers the {@link KnowledgeVisitorCounter} for {@code /kennis} and
 * {@code /kennis/*}, before the public response cache ({@code HIGHEST_PRECEDENCE + 20}),
 * so cached answers are counted as well.
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeVisitorConfiguration {

	@Bean
	FilterRegistrationBean<KnowledgeVisitorCounter> knowledgeVisitorCounter(PageViews views) {
		FilterRegistrationBean<KnowledgeVisitorCounter> registration = new FilterRegistrationBean<>(
				new KnowledgeVisitorCounter(views));
		registration.addUrlPatterns("/kennis", "/kennis/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		registration.setName("knowledgeVisitorCounter");
		return registration;
	}

}
