package dev.perfwatch.data;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootApplication
@EnableConfigurationProperties(DataProperties.class)
public class DataApplication {

	public static void main(String[] args) {
		SpringApplication.run(DataApplication.class, args);
	}

	/** The query {@code data.query} names; the table parameter makes it filled first. */
	@Bean
	CategoryStatsQuery categoryStatsQuery(DataProperties properties, PerformanceDataTable table, JdbcTemplate jdbc) {
		return CategoryStatsQuery.of(properties.query(), table, jdbc);
	}

}
