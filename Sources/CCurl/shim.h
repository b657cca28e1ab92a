#include <dlfcn.h>
#include <stddef.h>

/* libcurl for the live StatLine import, opened only when a request is made. Linked into the program
   (directly, or through FoundationNetworking) it brought TLS, Kerberos and LDAP libraries with it,
   and their loading cost every command about 4 ms at start. No libcurl headers are needed: the
   option and info numbers below are libcurl's stable ABI (curl.h, CURLOPTTYPE_* + number). */

typedef size_t (*impact_curl_write_callback)(char *data, size_t size, size_t count, void *context);

struct impact_curl {
    void *(*easy_init)(void);
    int (*easy_setopt)(void *handle, int option, ...);
    int (*easy_perform)(void *handle);
    int (*easy_getinfo)(void *handle, int info, ...);
    void (*easy_cleanup)(void *handle);
    const char *(*easy_strerror)(int code);
    void *(*slist_append)(void *list, const char *text);
    void (*slist_free_all)(void *list);
};

/* Fills `api` from the system libcurl. NULL when it could, else why not (dlopen's reason). */
static inline const char *impact_curl_open(struct impact_curl *api) {
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) library = dlopen("/usr/lib/libcurl.4.dylib", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) return dlerror();
    *(void **)&api->easy_init = dlsym(library, "curl_easy_init");
    *(void **)&api->easy_setopt = dlsym(library, "curl_easy_setopt");
    *(void **)&api->easy_perform = dlsym(library, "curl_easy_perform");
    *(void **)&api->easy_getinfo = dlsym(library, "curl_easy_getinfo");
    *(void **)&api->easy_cleanup = dlsym(library, "curl_easy_cleanup");
    *(void **)&api->easy_strerror = dlsym(library, "curl_easy_strerror");
    *(void **)&api->slist_append = dlsym(library, "curl_slist_append");
    *(void **)&api->slist_free_all = dlsym(library, "curl_slist_free_all");
    if (api->easy_init && api->easy_setopt && api->easy_perform && api->easy_getinfo && api->easy_cleanup
        && api->easy_strerror && api->slist_append && api->slist_free_all) return NULL;
    dlclose(library);
    return "the libcurl found lacks functions of its easy interface";
}

enum {
    IMPACT_CURL_OK = 0,
    IMPACT_CURL_FAILED_INIT = 2,
    IMPACT_CURL_COULDNT_RESOLVE_HOST = 6,
    IMPACT_CURL_OPERATION_TIMEDOUT = 28,
    IMPACT_CURL_ERROR_SIZE = 256
};

/* One GET of `url` asking for JSON, following redirects, within `timeout_ms`: the body is passed to
   `write` with `context`, the HTTP status stored in `*status` (0 without an answer), libcurl's
   explanation of a failure in `error` (IMPACT_CURL_ERROR_SIZE bytes). Returns libcurl's result code.
   curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call. */
static inline int impact_curl_get(const struct impact_curl *api, const char *url, long timeout_ms,
                                  impact_curl_write_callback write, void *context, long *status, char *error) {
    *status = 0;
    error[0] = 0;
    void *handle = api->easy_init();
    if (handle == NULL) return IMPACT_CURL_FAILED_INIT;
    void *headers = api->slist_append(NULL, "Accept: application/json");
    api->easy_setopt(handle, 10002 /* CURLOPT_URL */, url);
    api->easy_setopt(handle, 10023 /* CURLOPT_HTTPHEADER */, headers);
    api->easy_setopt(handle, 20011 /* CURLOPT_WRITEFUNCTION */, write);
    api->easy_setopt(handle, 10001 /* CURLOPT_WRITEDATA */, context);
    api->easy_setopt(handle, 10010 /* CURLOPT_ERRORBUFFER */, error);
    api->easy_setopt(handle, 155 /* CURLOPT_TIMEOUT_MS */, timeout_ms);
    api->easy_setopt(handle, 99 /* CURLOPT_NOSIGNAL */, 1L);
    api->easy_setopt(handle, 52 /* CURLOPT_FOLLOWLOCATION */, 1L);
    api->easy_setopt(handle, 68 /* CURLOPT_MAXREDIRS */, 10L);
    api->easy_setopt(handle, 10318 /* CURLOPT_PROTOCOLS_STR */, "http,https");
    api->easy_setopt(handle, 10319 /* CURLOPT_REDIR_PROTOCOLS_STR */, "http,https");
    api->easy_setopt(handle, 10018 /* CURLOPT_USERAGENT: some servers refuse requests without one */,
                     "ImpactMonitor");
    api->easy_setopt(handle, 10102 /* CURLOPT_ACCEPT_ENCODING: every encoding libcurl decodes */, "");
    int code = api->easy_perform(handle);
    api->easy_getinfo(handle, 0x200002 /* CURLINFO_RESPONSE_CODE */, status);
    api->slist_free_all(headers);
    api->easy_cleanup(handle);
    return code;
}
