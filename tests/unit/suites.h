/*
 * suites.h — one Check suite per module; main.c runs them all.
 */
#ifndef OCTAVO_SUITES_H
#define OCTAVO_SUITES_H

#include <check.h>

Suite	*model_suite(void);
Suite	*diag_suite(void);

#endif
