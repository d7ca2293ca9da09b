/*
 * suites.h — one Check suite per module; main.c runs them all.
 */
#ifndef OCTAVO_SUITES_H
#define OCTAVO_SUITES_H

#include <check.h>

Suite	*model_suite(void);
Suite	*diag_suite(void);
Suite	*manifest_suite(void);
Suite	*source_suite(void);
Suite	*normalize_suite(void);
Suite	*parse_suite(void);

#endif
