/*
 * replay_main.c - replay fuzz inputs without libFuzzer.
 *
 * Linked with one tests/fuzz/fuzz_<target>.c, this plain main() runs
 * LLVMFuzzerTestOneInput() on every file named on the command line and on
 * every regular file (README*, dotfiles skipped) in every folder named
 * there.  Each input runs in a child process with a time limit, so a
 * crash, a sanitizer report, a leak (LeakSanitizer at exit) or a hang
 * counts as one failure and the replay goes on.  stdout gets one line,
 * "PASSED FAILED"; each failure is named on stderr.  Exit status 1 when
 * anything failed.
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define REPLAY_SECONDS 60u
#define REPLAY_MAX_BYTES (16u << 20)

static unsigned passed, failed;

static int read_all(const char *path, uint8_t **buf_out, size_t *len_out)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t len = 0, cap = 0;

	if (!f)
		return -1;
	for (;;) {
		size_t n;

		if (len == cap) {
			uint8_t *nb;

			cap = cap ? cap * 2 : 4096;
			if (cap > REPLAY_MAX_BYTES) {
				free(buf);
				fclose(f);
				return -1;
			}
			nb = realloc(buf, cap);
			if (!nb) {
				free(buf);
				fclose(f);
				return -1;
			}
			buf = nb;
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		free(buf);
		fclose(f);
		return -1;
	}
	fclose(f);
	*buf_out = buf;
	*len_out = len;
	return 0;
}

static void run_one(const char *path)
{
	pid_t pid;
	int status = 0;

	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "fuzz-replay: FAIL %s: fork: %s\n", path,
			strerror(errno));
		failed++;
		return;
	}
	if (pid == 0) {
		uint8_t *buf = NULL;
		size_t len = 0;

		alarm(REPLAY_SECONDS);
		if (read_all(path, &buf, &len) != 0) {
			fprintf(stderr, "fuzz-replay: cannot read %s\n", path);
			exit(2);
		}
		/* An exact-size copy, so ASan sees reads past the input. */
		{
			uint8_t *exact = malloc(len ? len : 1);

			if (!exact)
				exit(2);
			if (len)
				memcpy(exact, buf, len);
			free(buf);
			LLVMFuzzerTestOneInput(exact, len);
			free(exact);
		}
		exit(0); /* exit(), not _exit(): LeakSanitizer runs here */
	}
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			status = -1;
			break;
		}
	}
	if (status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		passed++;
		return;
	}
	failed++;
	if (status != -1 && WIFSIGNALED(status))
		fprintf(stderr, "fuzz-replay: FAIL %s (signal %d%s)\n", path,
			WTERMSIG(status),
			WTERMSIG(status) == SIGALRM ? ", timeout" : "");
	else if (status != -1)
		fprintf(stderr, "fuzz-replay: FAIL %s (exit %d)\n", path,
			WEXITSTATUS(status));
	else
		fprintf(stderr, "fuzz-replay: FAIL %s (waitpid)\n", path);
}

static int skip_name(const char *name)
{
	return name[0] == '.' || strncmp(name, "README", 6) == 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void run_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i;

	if (!d) {
		fprintf(stderr, "fuzz-replay: FAIL %s: %s\n", dir,
			strerror(errno));
		failed++;
		return;
	}
	while ((e = readdir(d)) != NULL) {
		char *p;
		size_t len;
		struct stat st;

		if (skip_name(e->d_name))
			continue;
		len = strlen(dir) + strlen(e->d_name) + 2;
		p = malloc(len);
		if (!p)
			break;
		snprintf(p, len, "%s/%s", dir, e->d_name);
		if (stat(p, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(p);
			continue;
		}
		if (n == cap) {
			char **nn;

			cap = cap ? cap * 2 : 16;
			nn = realloc(names, cap * sizeof(*names));
			if (!nn) {
				free(p);
				break;
			}
			names = nn;
		}
		names[n++] = p;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n; i++) {
		run_one(names[i]);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st) != 0) {
			/* A missing folder is an empty one (no crashers yet). */
			continue;
		}
		if (S_ISDIR(st.st_mode))
			run_dir(argv[i]);
		else
			run_one(argv[i]);
	}
	printf("%u %u\n", passed, failed);
	return failed ? 1 : 0;
}
