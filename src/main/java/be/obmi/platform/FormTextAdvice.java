package be.obmi.platform;

import java.beans.PropertyEditorSupport;

import be.obmi.shared.InvisibleCharacters;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every text a form or request parameter brings in loses its invisible formatting
 * characters (bidirectional overrides, zero-width characters;
 * {@link InvisibleCharacters}) before a controller sees it, so a name can never be stored
 * looking like another one.
 */
@ControllerAdvice
class FormTextAdvice {

	@InitBinder
	void cleanTexts(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
			@Override
			public void setAsText(String text) {
				setValue(InvisibleCharacters.clean(text));
			}

			@Override
			public String getAsText() {
				Object value = getValue();
				return value == null ? "" : value.toString();
			}
		});
	}

}
