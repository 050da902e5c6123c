/*
 * Runs libpcre2-8 as Wazuh's w_expression_match does (pcre2_compile with options 0, pcre2_match from
 * offset 0) on requests "<hex pattern>\t<hex subject>" and prints "ERR <message> at <offset>", "NO",
 * "FAIL <code>" (a match error such as the match limit) or "M <ovector[1]>" followed by groups 1..rc-1 as
 * " <hex>." (an unset group is empty). Declares the few functions it needs, so that only the runtime
 * library (Debian: libpcre2-8-0) is required.
 */
#include <stdint.h>
#include "harness.h"

typedef struct pcre2_real_code_8 pcre2_code_8;
typedef struct pcre2_real_match_data_8 pcre2_match_data_8;

pcre2_code_8 *pcre2_compile_8(const unsigned char *, size_t, uint32_t, int *, size_t *, void *);
pcre2_match_data_8 *pcre2_match_data_create_from_pattern_8(const pcre2_code_8 *, void *);
int pcre2_match_8(const pcre2_code_8 *, const unsigned char *, size_t, size_t, uint32_t, pcre2_match_data_8 *,
		  void *);
size_t *pcre2_get_ovector_pointer_8(pcre2_match_data_8 *);
int pcre2_get_error_message_8(int, unsigned char *, size_t);
void pcre2_match_data_free_8(pcre2_match_data_8 *);
void pcre2_code_free_8(pcre2_code_8 *);

#define UNSET (~(size_t)0)

int main(void)
{
	static char line[HARNESS_LINE_MAX], pattern[HARNESS_LINE_MAX], subject[HARNESS_LINE_MAX];

	while (harness_read(line, pattern, subject)) {
		pcre2_match_data_8 *data;
		pcre2_code_8 *code;
		size_t offset;
		int error, rc;

		code = pcre2_compile_8((unsigned char *)pattern, UNSET, 0, &error, &offset, NULL);
		if (!code) {
			unsigned char message[256];

			pcre2_get_error_message_8(error, message, sizeof(message));
			printf("ERR %s at %zu\n", message, offset);
			fflush(stdout);
			continue;
		}
		data = pcre2_match_data_create_from_pattern_8(code, NULL);
		rc = pcre2_match_8(code, (unsigned char *)subject, strlen(subject), 0, 0, data, NULL);
		if (rc == -1) {
			printf("NO\n");
		} else if (rc < 0) {
			printf("FAIL %d\n", rc);
		} else {
			size_t *ovector = pcre2_get_ovector_pointer_8(data);

			printf("M %zu", ovector[1]);
			for (int i = 1; i < rc; i++) {
				printf(" ");
				if (ovector[2 * i] != UNSET)
					harness_print_hex(subject + ovector[2 * i], subject + ovector[2 * i + 1]);
				printf(".");
			}
			printf("\n");
		}
		fflush(stdout);
		pcre2_match_data_free_8(data);
		pcre2_code_free_8(code);
	}
	return 0;
}
