package be.obmi.knowledge.domain;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The shared vocabulary of themes. */
@Service
public class Themes {

	private final JdbcClient jdbc;

	Themes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<Theme> all() {
		return jdbc.sql("select code, label_nl, label_en, position from knowledge.theme order by position, code")
			.query(Theme.class)
			.list();
	}

	/** Adds a theme when there is none with its code. */
	@Transactional
	public void ensure(Theme theme) {
		jdbc.sql("""
				insert into knowledge.theme (code, label_nl, label_en, position) values (?, ?, ?, ?)
				on conflict (code) do nothing""")
			.params(theme.code(), theme.labelNl(), theme.labelEn(), theme.position())
			.update();
	}

}
