package bench

import "strconv"

// meJSON is a GET /api/v1/me body as Factorial sends it.
const meJSON = `{"email":"ada.lovelace@example.com","employee_id":1001,"full_name":"Ada Lovelace","first_name":"Ada","last_name":"Lovelace","role":"admin"}`

var (
	firstNames = []string{"Ada", "Bruno", "Carla", "David", "Elena", "Francesc", "Gemma", "Hugo", "Irene", "Jordi", "Laia", "Marc", "Núria", "Óscar", "Pau", "Queralt", "Roser", "Sergi", "Txell", "Víctor"}
	lastNames  = []string{"García", "Martínez", "López", "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres", "Domínguez"}
	cities     = []struct{ city, state, postal string }{
		{"Barcelona", "Catalonia", "08013"}, {"Madrid", "Community of Madrid", "28004"}, {"Valencia", "Valencian Community", "46002"},
		{"Sevilla", "Andalusia", "41001"}, {"Bilbao", "Basque Country", "48001"}, {"Zaragoza", "Aragon", "50001"},
	}
	streets = []string{"Carrer de Mallorca", "Calle de Alcalá", "Avinguda Diagonal", "Calle Mayor", "Gran Vía", "Passeig de Gràcia"}
)

// employeesJSON returns a GET /api/v1/employees body with n employees in
// Factorial's v1 shape: every key present, nulls where a real company has
// gaps (no second address line, no termination date, no gender given),
// accented names, an avatar URL and a hiring object; about 1 KiB each. It
// is deterministic, so the client process and the server process build
// the same bytes.
func employeesJSON(n int) []byte {
	b := make([]byte, 0, n*1100)
	b = append(b, '[')
	for i := range n {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendEmployee(b, i)
	}
	return append(b, ']')
}

func appendEmployee(b []byte, i int) []byte {
	id := 1001 + i
	first := firstNames[i%len(firstNames)]
	last := lastNames[(i/len(firstNames))%len(lastNames)]
	c := cities[i%len(cities)]
	key := func(k string) { b = append(append(append(b, '"'), k...), `":`...) }
	str := func(k string, parts ...string) {
		key(k)
		b = append(b, '"')
		for _, p := range parts {
			b = append(b, p...) // fixture text needs no escaping
		}
		b = append(b, `",`...)
	}
	null := func(k string) { key(k); b = append(b, "null,"...) }
	num := func(k string, v int) { key(k); b = append(strconv.AppendInt(b, int64(v), 10), ',') }
	pad := func(v, width int) string {
		s := strconv.Itoa(v)
		for len(s) < width {
			s = "0" + s
		}
		return s
	}
	date := func(k string, y, m, d int) { str(k, pad(y, 4), "-", pad(m, 2), "-", pad(d, 2)) }
	ids := strconv.Itoa(id)

	b = append(b, '{')
	num("id", id)
	str("email", first, ".", last, ".", ids, "@example.com")
	str("first_name", first)
	str("last_name", last)
	str("full_name", first, " ", last)
	date("birthday_on", 1960+i%40, 1+i%12, 1+i%28)
	if i%25 == 0 {
		str("role", "admin")
	} else {
		str("role", "basic")
	}
	if i%17 == 0 {
		date("terminated_on", 2023, 1+i%12, 1+i%28)
	} else {
		null("terminated_on")
	}
	switch i % 3 {
	case 0:
		str("gender", "female")
	case 1:
		str("gender", "male")
	default:
		null("gender")
	}
	str("nationality", "es")
	str("bank_number", "ES91 2100 0418 45", pad(i%100, 2), " ", pad(i%10000, 4), " ", pad((i*7)%10000, 4))
	str("country", "es")
	str("city", c.city)
	str("state", c.state)
	str("postal_code", c.postal)
	str("address_line_1", streets[i%len(streets)], " ", strconv.Itoa(1+i%400), ", ", strconv.Itoa(1+i%8), "º ", strconv.Itoa(1+i%4), "ª")
	if i%4 == 0 {
		str("address_line_2", "Escalera B")
	} else {
		null("address_line_2")
	}
	str("identifier", pad(10000000+i*37%90000000, 8), "Z")
	str("identifier_type", "dni")
	num("company_id", 1)
	num("legal_entity_id", 1+i%2)
	if i == 0 {
		null("manager_id")
		null("timeoff_manager_id")
	} else {
		num("manager_id", 1001+i/10)
		num("timeoff_manager_id", 1001+i/10)
	}
	date("regular_access_starts_on", 2015+i%9, 1+i%12, 1+i%28)
	str("phone_number", "+34 6", pad(i%100, 2), " ", pad(i%1000, 3), " ", pad((i*3)%1000, 3))
	str("social_security_number", "08/", pad(i, 8), "/", pad(i%100, 2))
	date("start_date", 2015+i%9, 1+i%12, 1+i%28)
	num("location_id", 1+i%6)
	key("team_ids")
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(1+i%12), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(13+i%5), 10)
	b = append(b, "],"...)
	b = append(b, `"company_holiday_ids":[1,2,3,4,5,6,7,8,9,10,11,12,13,14],`...)
	str("avatar", "https://api.factorialhr.com/rails/active_storage/representations/redirect/eyJfcmFpbHMiOnsiZGF0YSI6", pad(id, 8), "/avatar.jpg")
	str("company_identifier", "EMP-", pad(id, 5))
	b = append(b, `"hiring":{"base_compensation_amount_in_cents":`...)
	b = strconv.AppendInt(b, int64(2800000+(i%50)*100000), 10)
	b = append(b, `,"base_compensation_type":"yearly"}}`...)
	return b
}
