package synthetic

import "deelwijzer/checklist"

// AnswerAll returns answers (JSON, as the page sends them) that answer every
// question of def and fill rows rows of every group: the most work one
// evaluation of a real checklist can get.
func AnswerAll(def *checklist.Definition, rows int) string {
	answers := checklist.NewObject()
	for _, it := range def.Items() {
		if it.Kind == checklist.KindGroup {
			var list []any
			for r := 0; r < rows; r++ {
				row := checklist.NewObject()
				for _, f := range it.Fields {
					row.Set(f.ID, answerFor(f))
				}
				list = append(list, row)
			}
			answers.Set(it.ID, list)
			continue
		}
		answers.Set(it.ID, answerFor(it))
	}
	return checklist.JSONText(answers)
}

func answerFor(it *checklist.Item) any {
	opts := it.AllowedValues()
	switch it.Kind {
	case checklist.KindYesNo:
		return "ja"
	case checklist.KindChoice:
		if len(opts) > 0 {
			return opts[0].Value
		}
	case checklist.KindMulti:
		var vs []any
		for i, o := range opts {
			if i < 2 {
				vs = append(vs, o.Value)
			}
		}
		return vs
	case checklist.KindDate:
		return "2026-03-01"
	}
	return "Afspraken staan in het convenant van de samenwerking."
}
