/*
 * lexicon.c — English words that classify the capitalised words around
 * them, and a spelling key for names written several ways.  The lists
 * are sorted (a unit test holds them to it) and searched by bisection.
 */
#include <stdlib.h>
#include <string.h>

#include "index/lexicon.h"

/* Titles written before a name (folded, so "Dr." is "dr"), in English
 * and in the languages English books quote them in; and a letter's
 * "Dear". */
static const char *const titles[] = {
	"abbe", "abbess", "abbot", "admiral", "ambassador",
	"archbishop", "archduchess", "archduke", "aunt", "bailiff",
	"baron", "baroness", "baronne", "bishop", "brother", "canon",
	"capt", "captain", "cardinal", "chairman", "chancellor",
	"chaplain", "col", "colonel", "commandant", "commander",
	"commissar", "comrade", "comte", "comtesse", "consul", "count",
	"countess", "czar", "dame", "deacon", "dean", "dear", "dearest",
	"doctor", "dr", "duc", "duchess", "duchesse", "duke", "emperor",
	"empress", "erzherzog", "father", "frau", "fraulein",
	"freiherr", "furst", "furstin", "gen", "general", "governor",
	"graf", "grafin", "herr", "hofrat", "hofrath", "judge",
	"kaiser", "kapellmeister", "king", "lady", "lieut",
	"lieutenant", "lord", "madam", "madame", "mademoiselle",
	"major", "marquis", "marquise", "marshal", "master", "mayor",
	"minister", "miss", "mister", "mlle", "mme", "monsieur",
	"mother", "mr", "mrs", "ms", "parson", "pastor", "pope",
	"premier", "president", "prince", "princess", "prinz", "prof",
	"professor", "queen", "rabbi", "rector", "rev", "reverend",
	"secretary", "seigneur", "senator", "sergeant", "sheriff",
	"sieur", "signor", "signora", "sir", "sister", "tsar",
	"tsarina", "uncle", "vicar"
};

/* Nouns for what a person is to others, or does. */
static const char *const roles[] = {
	"activist", "admirer", "agent", "ally", "ambassador",
	"assassin", "assistant", "associate", "aunt", "author",
	"biographer", "bodyguard", "brother", "brother-in-law",
	"chairman", "chief", "collaborator", "colleague", "commander",
	"commissar", "companion", "composer", "comrade",
	"correspondent", "cousin", "critic", "daughter",
	"daughter-in-law", "defendant", "delegate", "deputy",
	"director", "disciple", "doctor", "economist", "editor",
	"educationalist", "educator", "emissary", "enemy", "engineer",
	"father", "father-in-law", "follower", "founder", "friend",
	"general", "granddaughter", "grandfather", "grandmother",
	"grandson", "head", "historian", "husband", "journalist",
	"judge", "lawyer", "leader", "lieutenant", "lover", "marshal",
	"member", "militant", "minister", "mistress", "mother",
	"mother-in-law", "nephew", "niece", "novelist", "officer",
	"official", "opponent", "oppositionist", "organiser",
	"organizer", "painter", "partner", "philosopher", "physician",
	"physicist", "pianist", "poet", "predecessor", "priest",
	"professor", "prosecutor", "publisher", "pupil",
	"representative", "revolutionary", "rival", "scholar",
	"scientist", "secretary", "servant", "singer", "sister",
	"sister-in-law", "sociologist", "soldier", "son", "son-in-law",
	"spokesman", "spouse", "stepdaughter", "stepson", "student",
	"successor", "supporter", "teacher", "theorist", "translator",
	"uncle", "veteran", "victim", "violinist", "widow", "wife",
	"witness", "writer"
};

/*
 * Words after a name that only a person takes: verbs of saying, thinking
 * and living, and "himself", "herself".
 */
static const char *const verbs[] = {
	"accepted", "accused", "added", "admired", "admits", "admitted",
	"advised", "agreed", "announced", "answered", "argued",
	"argues", "asked", "asks", "asserted", "assured", "became",
	"believed", "believes", "claimed", "claims", "commented",
	"complained", "concluded", "confessed", "confirmed",
	"considered", "contended", "criticised", "criticized",
	"declared", "declares", "defended", "demanded", "denied",
	"denies", "denounced", "described", "describes", "died",
	"edited", "emigrated", "explained", "explains", "feared",
	"felt", "fled", "founded", "gave", "helped", "herself",
	"himself", "hoped", "informed", "insisted", "insists", "joined",
	"killed", "knew", "lamented", "lived", "maintained",
	"maintains", "married", "met", "murdered", "noted", "notes",
	"objected", "observed", "observes", "ordered", "praised",
	"promised", "proposed", "protested", "realised", "realized",
	"recalled", "recalls", "recounted", "refused", "remarked",
	"remembered", "replied", "reported", "resigned", "responded",
	"said", "says", "shot", "signed", "spoke", "stated", "studied",
	"suggested", "suggests", "tells", "testified", "theorised",
	"theorized", "thinks", "thought", "threatened", "told",
	"translated", "urged", "visited", "wanted", "warned", "wished",
	"wondered", "writes", "wrote"
};

/*
 * Nouns that end the name of an institution, a publication, a place or
 * an event: "Pathfinder Press", "Communist Party", "Red Square"; or, in
 * other languages, begin it: "Institut Léon Trotsky", "Parti Ouvrier".
 */
static const char *const institutions[] = {
	"academie", "academy", "affair", "agency", "akademie",
	"alliance", "archiv", "archive", "archives", "army", "assembly",
	"association", "avenue", "award", "bank", "bay", "bibliotheque",
	"bloc", "board", "books", "bridge", "brigade", "bulletin",
	"bureau", "cahiers", "camp", "canal", "cape", "castle",
	"cathedral", "center", "centre", "chamber", "chapel", "church",
	"circle", "city", "club", "co", "coast", "college",
	"commission", "committee", "company", "conference", "congress",
	"corp", "corporation", "council", "county", "court",
	"declaration", "department", "district", "division", "doctrine",
	"duma", "editions", "embassy", "empire", "federation", "fleet",
	"force", "forces", "forest", "fort", "foundation", "front",
	"gallery", "gate", "gazette", "government", "group", "guard",
	"hall", "harbor", "harbour", "herald", "hill", "hills",
	"hospital", "hotel", "house", "inc", "institut", "institute",
	"institution", "instituto", "international", "internationale",
	"island", "islands", "journal", "kingdom", "lake", "lane",
	"league", "library", "ltd", "magazine", "manifesto", "market",
	"medal", "memorial", "ministry", "mission", "monastery",
	"monument", "mount", "mountain", "mountains", "movement",
	"museum", "navy", "news", "ocean", "office", "opposition",
	"orchestra", "pact", "palace", "papers", "park", "parliament",
	"partei", "parti", "partido", "party", "peninsula", "plan",
	"platform", "plaza", "port", "post", "press", "prison", "prize",
	"program", "programme", "project", "province", "publications",
	"publishers", "publishing", "quarterly", "railway", "regiment",
	"region", "republic", "review", "revolution", "revue", "river",
	"road", "school", "sea", "secretariat", "seminary", "senate",
	"service", "society", "square", "station", "statue", "street",
	"studies", "synod", "testament", "theater", "theatre", "theses",
	"times", "tower", "treaty", "trial", "trials", "tribunal",
	"tribune", "trust", "union", "universidad", "universite",
	"university", "valley", "verlag", "village", "war", "works",
	"zeitung"
};

/*
 * Institutions' nouns that often follow the name of the person they
 * are named after: "Dewey Commission", "Clemenceau Declaration".
 */
static const char *const eponyms[] = {
	"affair", "archive", "archives", "award", "case", "commission",
	"declaration", "doctrine", "foundation", "institute", "library",
	"medal", "memorial", "monument", "museum", "papers", "plan",
	"platform", "prize", "statue", "testament", "theses", "trial"
};

/* Particles of surnames, written in lower case inside a name. */
static const char *const particles[] = {
	"al", "bin", "da", "das", "de", "del", "della", "den", "der",
	"des", "di", "dos", "du", "el", "ibn", "la", "le", "ten", "ter",
	"v", "van", "von", "y", "zu"
};

/* Months, days and ordinals, capitalised but never names of people. */
static const char *const calendar[] = {
	"apr", "april", "aug", "august", "dec", "december",
	"eighteenth", "eighth", "eleventh", "feb", "february",
	"fifteenth", "fifth", "first", "fourteenth", "fourth", "friday",
	"january", "jul", "july", "jun", "june", "mar", "march", "may",
	"monday", "nineteenth", "ninth", "nov", "november", "oct",
	"october", "saturday", "second", "sep", "sept", "september",
	"seventeenth", "seventh", "sixteenth", "sixth", "sunday",
	"tenth", "third", "thirteenth", "thursday", "tuesday",
	"twelfth", "twentieth", "wednesday"
};

/* Prepositions that put a place after them. */
static const char *const places[] = {
	"across", "at", "in", "inside", "near", "outside", "throughout"
};

static int
cmp_word(const void *key, const void *item)
{
	return strcmp(key, *(const char *const *)item);
}

#define FIND(list, word) (bsearch((word), (list), G_N_ELEMENTS(list), \
	sizeof((list)[0]), cmp_word) != NULL)

static int
sorted(const char *const *list, gsize n)
{
	gsize i;

	for (i = 1; i < n; i++)
		if (strcmp(list[i - 1], list[i]) >= 0)
			return 0;
	return 1;
}

#define SORTED(list)	sorted((list), G_N_ELEMENTS(list))

int
lexicon_sorted(void)
{
	return SORTED(titles) && SORTED(roles) && SORTED(verbs) &&
	    SORTED(institutions) && SORTED(eponyms) && SORTED(particles) &&
	    SORTED(calendar) && SORTED(places);
}

int
lexicon_title(const char *fold)
{
	return FIND(titles, fold);
}

/* A role, or its plural: "the historians X and Y". */
int
lexicon_role(const char *fold)
{
	gsize n = strlen(fold);
	char *one;
	int found;

	if (FIND(roles, fold))
		return 1;
	if (n < 4 || fold[n - 1] != 's')
		return 0;
	one = g_strndup(fold, n - 1);
	found = FIND(roles, one);
	g_free(one);
	return found;
}

int
lexicon_verb(const char *fold)
{
	return FIND(verbs, fold);
}

int
lexicon_institution(const char *fold)
{
	return FIND(institutions, fold);
}

int
lexicon_eponym(const char *fold)
{
	return FIND(eponyms, fold);
}

int
lexicon_particle(const char *fold)
{
	return FIND(particles, fold);
}

int
lexicon_calendar(const char *fold)
{
	return FIND(calendar, fold);
}

int
lexicon_place_word(const char *fold)
{
	return FIND(places, fold);
}

int
lexicon_derived(const char *fold)
{
	static const char *const endings[] = { "ism", "isms", "ist", "ists",
	    "ite", "ites", "ians", "ity", "ology", NULL };
	gsize n = strlen(fold);
	guint i;

	for (i = 0; endings[i] != NULL; i++) {
		gsize k = strlen(endings[i]);

		if (n > k + 2 && strcmp(fold + n - k, endings[i]) == 0)
			return 1;
	}
	return 0;
}

/*
 * Spellings that transliterations and typists alternate, longest first
 * where one begins another: each is written as its replacement.  "ch"
 * stays as it is, so that only a "c" of its own becomes "k".
 */
static const struct {
	const char	*from, *to;
} respellings[] = {
	{ "shch", "sh" }, { "shsh", "sh" }, { "tsch", "ch" }, { "dzh", "j" },
	{ "tch", "ch" }, { "sch", "sh" }, { "ck", "k" }, { "cz", "ch" },
	{ "dj", "j" }, { "zh", "j" }, { "kh", "h" }, { "tz", "ts" },
	{ "ph", "f" }, { "ou", "u" }, { "ch", "ch" }, { "c", "k" },
	{ "w", "v" }, { "y", "i" }, { "z", "s" }, { "x", "ks" },
};

char *
lexicon_spelling(const char *fold)
{
	GString *s = g_string_sized_new(strlen(fold));
	const char *p = fold;
	guint i;

	while (*p != '\0') {
		if (*p == '\'' || *p == '-') {
			p++;
			continue;
		}
		for (i = 0; i < G_N_ELEMENTS(respellings); i++) {
			gsize n = strlen(respellings[i].from);

			if (strncmp(p, respellings[i].from, n) == 0) {
				g_string_append(s, respellings[i].to);
				p += n;
				break;
			}
		}
		if (i == G_N_ELEMENTS(respellings))
			g_string_append_c(s, *p++);
		/* One of a doubled letter: Kossior is Kosior. */
		if (s->len >= 2 && s->str[s->len - 1] == s->str[s->len - 2])
			g_string_truncate(s, s->len - 1);
	}
	return g_string_free(s, FALSE);
}

int
lexicon_near(const char *a, const char *b)
{
	gsize la = strlen(a), lb = strlen(b), i = 0;

	if (la < lb)
		return lexicon_near(b, a);
	if (la - lb > 1)
		return 0;
	while (i < lb && a[i] == b[i])
		i++;
	if (i == lb)		/* equal, or a letter added at the end */
		return la == lb;
	if (la == lb + 1)	/* a letter added inside */
		return strcmp(a + i + 1, b + i) == 0;
	if (strcmp(a + i + 1, b + i + 1) == 0)	/* a letter changed */
		return i + 1 < la || la >= 8;
	return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
	    strcmp(a + i + 2, b + i + 2) == 0;	/* two swapped */
}
