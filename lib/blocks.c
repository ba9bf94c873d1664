/*
 * blocks.c - the flat list of blocks a reader hands to the outline.
 *
 * Readers know containers (Markdown paragraphs, list items, tables; AKN
 * elements) but nothing of numbering; the outline knows numbering but
 * nothing of containers.  Blocks are the contract between the two.
 */
#include <string.h>

#include "internal.h"

void dt__blocks_init(dt_blocks *b, size_t max_blocks)
{
	memset(b, 0, sizeof(*b));
	b->max_blocks = max_blocks ? max_blocks : 1000000;
}

static void block_dispose(dt_block *blk)
{
	size_t i;

	dt__free(blk->text);
	for (i = 0; i < blk->ncells; i++) {
		dt__free(blk->cells[i]);
	}
	dt__free(blk->cells);
	dt__free(blk->eid);
}

void dt__blocks_dispose(dt_blocks *b)
{
	size_t i;

	for (i = 0; i < b->n; i++) {
		block_dispose(&b->v[i]);
	}
	dt__free(b->v);
	for (i = 0; i < b->nmeta; i++) {
		dt__free(b->meta[i].key);
		dt__free(b->meta[i].value);
	}
	dt__free(b->meta);
	memset(b, 0, sizeof(*b));
}

int dt__blocks_push(dt_blocks *b, dt_block **out)
{
	if (b->n >= b->max_blocks) {
		return DT_ELIMIT;
	}
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 64;
		dt_block *v = dt__reallocarray(b->v, cap, sizeof(*v));

		if (v == NULL) {
			return DT_ENOMEM;
		}
		b->v = v;
		b->cap = cap;
	}
	*out = &b->v[b->n++];
	memset(*out, 0, sizeof(**out));
	(*out)->hint = -1;
	return 0;
}

int dt__blocks_meta(dt_blocks *b, const char *key, const char *value,
	size_t line)
{
	dt_kv *kv;

	if (b->nmeta == b->metacap) {
		size_t cap = b->metacap ? b->metacap * 2 : 8;
		dt_kv *v = dt__reallocarray(b->meta, cap, sizeof(*v));

		if (v == NULL) {
			return DT_ENOMEM;
		}
		b->meta = v;
		b->metacap = cap;
	}
	kv = &b->meta[b->nmeta];
	kv->key = dt__strdup(key);
	kv->value = dt__strdup(value);
	kv->line = line;
	if (kv->key == NULL || kv->value == NULL) {
		dt__free(kv->key);
		dt__free(kv->value);
		return DT_ENOMEM;
	}
	b->nmeta++;
	return 0;
}
