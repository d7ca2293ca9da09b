/*
 * file.c — opening and reading the files octavo is given, each checked
 * to be a regular file of bounded size, and their text checked to be
 * UTF-8: the only code that reads a user's file.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "read/file.h"

/* What a file that is not a regular one is, for the error. */
static const char *
kind_of(mode_t mode)
{
	if (S_ISDIR(mode))
		return "a folder";
	if (S_ISFIFO(mode))
		return "a FIFO (a named pipe)";
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	if (S_ISSOCK(mode))
		return "a socket";
	return "no regular file";
}

/*
 * Reads fd to its end into a buffer of at most max + 1 bytes (one more
 * says the file grew past max).  Returns the buffer, NUL-terminated,
 * with its length in *got, or NULL with errno set.
 */
static char *
read_all(int fd, gsize size, gsize max, gsize *got)
{
	gsize cap = MIN(size, max) + 1, n = 0;
	char *buf = g_malloc(cap + 1);
	ssize_t r;

	for (;;) {
		if (n == cap) {
			if (cap > max)
				break;		/* grew past max: the caller says */
			cap = MIN(cap * 2, max + 1);
			buf = g_realloc(buf, cap + 1);
		}
		r = read(fd, buf + n, cap - n);
		if (r == 0)
			break;
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;

			g_free(buf);
			errno = e;
			return NULL;
		}
		n += (gsize)r;
	}
	buf[n] = '\0';
	*got = n;
	return buf;
}

char *
file_read(const char *path, const char *what, gsize max, const char *too_big,
    gsize *len, struct diags *d)
{
	struct srcpos at = srcpos_at(path, 0, 0);
	struct stat st;
	char *text = NULL;
	gsize got = 0;
	int fd;

	/* Not blocking, so that opening a FIFO does not wait for a writer. */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1) {
		if (d != NULL)
			diag_add(d, DIAG_ERROR, at, "cannot read %s: %s", what,
			    g_strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == -1) {
		if (d != NULL)
			diag_add(d, DIAG_ERROR, at, "cannot read %s: %s", what,
			    g_strerror(errno));
	} else if (!S_ISREG(st.st_mode)) {
		if (d != NULL)
			diag_add(d, DIAG_ERROR, at, "%s is %s, not a text file; "
			    "octavo reads only regular files: name one",
			    what, kind_of(st.st_mode));
	} else if ((text = read_all(fd, (gsize)st.st_size, max, &got)) ==
	    NULL) {
		if (d != NULL)
			diag_add(d, DIAG_ERROR, at, "cannot read %s: %s", what,
			    g_strerror(errno));
	} else if (got > max) {
		if (d != NULL)
			diag_add(d, DIAG_ERROR, at, "%s is more than %"
			    G_GSIZE_FORMAT " bytes, the most octavo reads; %s",
			    what, max, too_big);
		g_clear_pointer(&text, g_free);
	}
	close(fd);
	if (text != NULL && len != NULL)
		*len = got;
	return text;
}

char *
file_read_text(const char *path, const char *what, gsize max,
    const char *fix, gsize *len, struct diags *d)
{
	gsize n;
	char *text = file_read(path, what, max, "is it the right file?", &n,
	    d);

	if (text == NULL)
		return NULL;
	if (file_check_text(path, text, n, fix, d) == -1) {
		g_free(text);
		return NULL;
	}
	if (n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		memmove(text, text + 3, n - 2);
		n -= 3;
	}
	if (len != NULL)
		*len = n;
	return text;
}

void
file_locate(const char *text, gsize off, int *line, int *col)
{
	const char *p, *bol = text;

	*line = 1;
	for (p = text; p < text + off; p++)
		if (*p == '\n') {
			(*line)++;
			bol = p + 1;
		}
	/* Count characters, not bytes, up to the offending byte. */
	*col = 1;
	for (p = bol; p < text + off; p = g_utf8_next_char(p))
		(*col)++;
}

int
file_check_text(const char *path, const char *text, gsize len,
    const char *fix, struct diags *d)
{
	const char *end;
	int line, col;

	if (g_utf8_validate(text, (gssize)len, &end))
		return 0;
	file_locate(text, (gsize)(end - text), &line, &col);
	if (*end == '\0')
		diag_add(d, DIAG_ERROR, srcpos_at(path, line, col),
		    "NUL byte: this is a binary file, not text; %s", fix);
	else
		diag_add(d, DIAG_ERROR, srcpos_at(path, line, col),
		    "invalid UTF-8 byte 0x%02x; %s", (unsigned char)*end, fix);
	return -1;
}
