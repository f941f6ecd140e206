#!/usr/bin/env python3
"""The reference for training time: the seed recipe that Ticket Router replaces, as ../shared/baseline/README.md
publishes it (scikit-learn 1.2.1: subject + body, lowercase, letters a-z only, English + German stop words, TF-IDF
10,000 features of 1-2 grams, min_df 2, max_df 0.95, a random forest of 100 trees with balanced class weights for
queue and one for priority, all cores), trained on the given CSV files.

    seed_recipe.py OUT_DIR TRAIN_CSV [TRAIN_CSV ...] [--test TEST_CSV]

Prints the seconds spent fitting and the pickled size; with --test, the macro-F1 of both targets on TEST_CSV.
"""
import argparse
import csv
import pickle
import re
import time
from pathlib import Path

from sklearn.ensemble import RandomForestClassifier
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.metrics import f1_score

GERMAN_STOP_WORDS = """aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes
anderm andern anderr anders auch auf aus bei bin bis bist da damit dann das dass dasselbe dazu dein deine deinem
deinen deiner deines dem demselben den denn denselben der derer derselbe derselben des desselben dessen dich die
dies diese dieselbe dieselben diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines
einig einige einigem einigen einiger einiges einmal er es etwas euch euer eure eurem euren eurer eures für gegen
gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in
indem ins ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann kein keine keinem keinen keiner
keines können könnte machen man manche manchem manchen mancher manches mein meine meinem meinen meiner meines mich
mir mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner seines selbst
sich sie sind so solche solchem solchen solcher solches soll sollte sondern sonst über um und uns unsere unserem
unseren unser unseres unter viel vom von vor während war waren warst was weg weil weiter welche welchem welchen
welcher welches wenn werde werden wie wieder will wir wird wirst wo wollen wollte würde würden zu zum zur zwar
zwischen""".split()


def read(paths):
    texts, queues, priorities = [], [], []
    for path in paths:
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                text = f"{row.get('subject') or ''} {row.get('body') or ''}".lower()
                texts.append(re.sub(r"[^a-z]+", " ", text))
                queues.append(row["queue"])
                priorities.append(row["priority"])
    return texts, queues, priorities


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("train", nargs="+")
    parser.add_argument("--test")
    args = parser.parse_args()
    texts, queues, priorities = read(args.train)
    started = time.perf_counter()
    vectorizer = TfidfVectorizer(
        max_features=10000, ngram_range=(1, 2), min_df=2, max_df=0.95,
        stop_words=sorted(set(ENGLISH_STOP_WORDS) | set(GERMAN_STOP_WORDS)))
    x = vectorizer.fit_transform(texts)
    forests = {}
    for name, y in (("queue", queues), ("priority", priorities)):
        forests[name] = RandomForestClassifier(
            n_estimators=100, class_weight="balanced", n_jobs=-1, random_state=42).fit(x, y)
    fitted = time.perf_counter() - started
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    size = 0
    for name, model in (("vectorizer", vectorizer), *forests.items()):
        path = out / f"{name}.pkl"
        with path.open("wb") as f:
            pickle.dump(model, f)
        size += path.stat().st_size
    print(f"SEED rows={len(texts)} fit_seconds={fitted:.2f} pickled_mb={size / 1e6:.1f}")
    if args.test:
        test_texts, test_queues, test_priorities = read([args.test])
        xt = vectorizer.transform(test_texts)
        for name, y in (("queue", test_queues), ("priority", test_priorities)):
            f1 = f1_score(y, forests[name].predict(xt), average="macro")
            print(f"SEED {name} macro_f1={f1:.3f}")


if __name__ == "__main__":
    main()
