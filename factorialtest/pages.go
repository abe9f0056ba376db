package factorialtest

import (
	"bytes"
	"html/template"
	"net/http"
)

// The pages mimic Doorkeeper's views closely enough for a test (or a
// person) to drive them: a consent page with an Authorize and a Deny form
// posting the authorization parameters back, the out-of-band code page, and
// the error page for requests that cannot be redirected.
var pages = template.Must(template.New("").Parse(`
{{define "consent"}}<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Authorization required</title></head>
<body>
<h1>Authorization required</h1>
<p>Authorize <strong id="application">{{.App}}</strong> to use the account of <span id="user">{{.Email}}</span>?</p>
{{if .Scopes}}<p>This application will be able to:</p>
<ul id="scopes">{{range .Scopes}}<li>{{.}}</li>{{end}}</ul>{{end}}
<form id="authorize" method="post" action="/oauth/authorize">
{{range .Fields}}<input type="hidden" name="{{.Name}}" value="{{.Value}}">
{{end}}<button type="submit">Authorize</button>
</form>
<form id="deny" method="post" action="/oauth/authorize">
<input type="hidden" name="_method" value="delete">
{{range .Fields}}<input type="hidden" name="{{.Name}}" value="{{.Value}}">
{{end}}<button type="submit">Deny</button>
</form>
</body></html>
{{end}}
{{define "native"}}<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Authorization code</title></head>
<body>
<h1>Authorization code:</h1>
<code id="authorization_code">{{.}}</code>
</body></html>
{{end}}
{{define "error"}}<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>An error has occurred</title></head>
<body>
<h1>An error has occurred</h1>
<p id="error" data-error="{{.Code}}">{{.Description}}</p>
</body></html>
{{end}}`))

type field struct{ Name, Value string }

type consentPage struct {
	App    string
	Email  string
	Scopes []string
	Fields []field
}

type errorPage struct{ Code, Description string }

func renderPage(w http.ResponseWriter, status int, name string, data any) {
	var buf bytes.Buffer
	if err := pages.ExecuteTemplate(&buf, name, data); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}
