package be.obmi.knowledge.web;

import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The public matrix of the cities' housing instruments: an unknown round is 404. */
@KnowledgeWebTest
class HousingMatrixControllerWebTests extends WebSliceSupport {

	@Test
	void anUnknownRoundIsNotFound() throws Exception {
		mvc.perform(get("/kennis/woonbeleid").param("ronde", "999")).andExpect(status().isNotFound());
		mvc.perform(get("/kennis/woonbeleid/matrix.csv").param("ronde", "999")).andExpect(status().isNotFound());
	}

	@Test
	void theComparisonWithoutClosedRoundsShowsNoDifference() throws Exception {
		mvc.perform(get("/kennis/woonbeleid/verschil"))
			.andExpect(status().isOk())
			.andExpect(view().name("knowledge/housing-diff"))
			.andExpect(model().attributeDoesNotExist("diff"));
	}

}
