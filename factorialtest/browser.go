package factorialtest

import (
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

// Approve plays the user's browser for an authorize URL: it opens the
// consent page, submits the Authorize form and returns where the server
// redirected (the client's callback with code and state, or the native page
// for the out-of-band URI) without following it. With WithAutoApprove the
// first response is already the redirect.
func (s *Server) Approve(ctx context.Context, authorizeURL string) (*url.URL, error) {
	hc := noRedirects(s.Client())
	resp, err := get(ctx, hc, authorizeURL)
	if err != nil {
		return nil, err
	}
	body, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode == http.StatusFound {
		return s.location(resp)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("factorialtest: authorize page answered %d: %s", resp.StatusCode, pageError(body))
	}
	form, err := ConsentForm(string(body))
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.URL()+"/oauth/authorize", strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err = hc.Do(req)
	if err != nil {
		return nil, err
	}
	body, _ = io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		return nil, fmt.Errorf("factorialtest: approval answered %d: %s", resp.StatusCode, pageError(body))
	}
	return s.location(resp)
}

var (
	formRE   = regexp.MustCompile(`(?s)<form id="authorize"[^>]*>(.*?)</form>`)
	hiddenRE = regexp.MustCompile(`<input type="hidden" name="([^"]*)" value="([^"]*)">`)
	codeRE   = regexp.MustCompile(`<code id="authorization_code">([^<]*)</code>`)
	errorRE  = regexp.MustCompile(`<p id="error" data-error="([^"]*)">([^<]*)</p>`)
)

// ConsentForm extracts the fields the consent page's Authorize form would
// post.
func ConsentForm(page string) (url.Values, error) {
	m := formRE.FindStringSubmatch(page)
	if m == nil {
		return nil, errors.New("factorialtest: no authorize form on the page")
	}
	form := url.Values{}
	for _, f := range hiddenRE.FindAllStringSubmatch(m[1], -1) {
		form.Add(html.UnescapeString(f[1]), html.UnescapeString(f[2]))
	}
	return form, nil
}

// NativeCode extracts the code from the out-of-band page.
func NativeCode(page string) (string, error) {
	m := codeRE.FindStringSubmatch(page)
	if m == nil {
		return "", errors.New("factorialtest: no authorization code on the page")
	}
	return html.UnescapeString(m[1]), nil
}

func pageError(body []byte) string {
	if m := errorRE.FindSubmatch(body); m != nil {
		return html.UnescapeString(string(m[1])) + ": " + html.UnescapeString(string(m[2]))
	}
	return "unexpected page"
}

func (s *Server) location(resp *http.Response) (*url.URL, error) {
	loc := resp.Header.Get("Location")
	if loc == "" {
		return nil, errors.New("factorialtest: redirect without Location")
	}
	base, _ := url.Parse(s.URL() + "/oauth/authorize")
	u, err := base.Parse(loc)
	if err != nil {
		return nil, fmt.Errorf("factorialtest: bad Location: %w", err)
	}
	return u, nil
}

func noRedirects(hc *http.Client) *http.Client {
	c := *hc
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &c
}

func get(ctx context.Context, hc *http.Client, u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return hc.Do(req)
}
