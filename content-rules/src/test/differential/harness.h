/* Line protocol shared by the differential harnesses: "<hex pattern>\t<hex subject>\n" in, one answer out. */
#ifndef TCPWATCH_HARNESS_H
#define TCPWATCH_HARNESS_H

#include <stdio.h>
#include <string.h>

#define HARNESS_LINE_MAX 200000

/* Decodes hex text into out (NUL-terminated); returns the byte count. */
static int harness_unhex(const char *hex, char *out)
{
	int n = 0;

	while (hex[0] && hex[1]) {
		unsigned value;

		sscanf(hex, "%2x", &value);
		out[n++] = (char)value;
		hex += 2;
	}
	out[n] = '\0';
	return n;
}

/*
 * Reads one request into pattern and subject. Hex digits are lowercase, so an uppercase C or N in front of
 * the pattern is a mode letter (osregex_harness), left in line[0]. Returns 0 at end of input.
 */
static int harness_read(char *line, char *pattern, char *subject)
{
	char *tab, *newline;

	while (fgets(line, HARNESS_LINE_MAX, stdin)) {
		tab = strchr(line, '\t');
		if (!tab)
			continue;
		*tab = '\0';
		newline = strchr(tab + 1, '\n');
		if (newline)
			*newline = '\0';
		harness_unhex(tab + 1, subject);
		harness_unhex(line + (line[0] == 'C' || line[0] == 'N' ? 1 : 0), pattern);
		return 1;
	}
	return 0;
}

static void harness_print_hex(const char *begin, const char *end)
{
	for (; begin < end; begin++)
		printf("%02x", (unsigned char)*begin);
}

#endif
