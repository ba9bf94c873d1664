/*
 * addressee.h - does a directive clause bind the centre that issued it?
 * (lib/data/central_bodies.txt says which bodies and why.)
 */
#ifndef DT_ADDRESSEE_H
#define DT_ADDRESSEE_H

#include "internal.h"

/**
 * 1 when the subject of directive unit `u` is a central body: its text
 * starts with one, or (a point or item under a lead-in such as "Ban Tổ
 * chức Trung ương có trách nhiệm:") its parent's text does; 0 when not;
 * DT_ENOMEM or DT_ERROR when folding fails.  Thread-safe.
 */
int dt__addressed_to_centre(const dt_unit *u);

#endif /* DT_ADDRESSEE_H */
