package engine

import (
	"reflect"
	"testing"
)

func TestHumanize(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"email": "Email", "first_name": "First name", "leave_type_id": "Leave type", "id": "Id",
		"_private": "Private", "address_line_1": "Address line 1", "URL": "Url", "": "", "_id": "Id",
	} {
		if got := humanize(in); got != want {
			t.Errorf("humanize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAttributeFullMessages(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		messages []string
		fields   []string
		want     map[string][]string
	}{
		{"one field", []string{"Email can't be blank"}, []string{"email", "first_name"}, map[string][]string{"email": {"Email can't be blank"}}},
		{"longest name wins", []string{"Leave type is invalid", "Leave overlaps another"}, []string{"leave", "leave_type_id"},
			map[string][]string{"leave_type_id": {"Leave type is invalid"}, "leave": {"Leave overlaps another"}}},
		{"whole words only", []string{"Emails are off"}, []string{"email"}, nil},
		{"case ignored", []string{"email is taken"}, []string{"email"}, map[string][]string{"email": {"email is taken"}}},
		{"the message is the name", []string{"Email"}, []string{"email"}, map[string][]string{"email": {"Email"}}},
		{"name and name_id: the plain one", []string{"Manager must exist"}, []string{"manager", "manager_id"}, map[string][]string{"manager": {"Manager must exist"}}},
		{"two _id fields alike: neither", []string{"Team must exist"}, []string{"_team_id", "team_id"}, nil},
		{"several messages per field", []string{"Name is too short", "Name is invalid", "The team does not exist"}, []string{"name"},
			map[string][]string{"name": {"Name is too short", "Name is invalid"}}},
		{"no fields", []string{"Email can't be blank"}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := attributeFullMessages(tt.messages, tt.fields); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
