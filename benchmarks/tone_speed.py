"""Benchmark: the full Bedside tone analyzer vs vaderSentiment on the same realistic clinical messages.

Generates N (default 100,000) varied secure-chat messages from templates (orders with doses, lab
updates, questions, handoffs in SBAR form, CUS escalations, acknowledgements, curt and hostile
variants, placeholders such as [PATIENT]), then times, on one core and in one run:

- ``bedside.rapport.analyze`` (prepare, all detectors, context, merge, threshold, politeness model,
  findings), every fourth message with a previous message as context;
- ``vaderSentiment.SentimentIntensityAnalyzer().polarity_scores``.

Prints both rates and the ratio of the analyzer's time to VADER's. Targets (issue 4): at least
10,000 messages/s, and no more than 3x VADER's time.

    .venv/bin/python benchmarks/tone_speed.py            # 100,000 messages
    .venv/bin/python benchmarks/tone_speed.py -n 20000   # quicker
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import time

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from bedside.rapport import MessageContext, default_analyzer

DRUGS = [
    "heparin",
    "KCl",
    "vancomycin",
    "metoprolol",
    "insulin",
    "ceftriaxone",
    "furosemide",
    "morphine",
    "Zosyn",
    "tylenol",
]
UNITS = ["mg", "mcg", "mEq", "units", "mL/hr", "g"]
ROUTES = ["IV", "PO", "SC", "IM"]
STAFF = ["Dr. Patel", "Sam", "Priya", "Dr. O'Neil", "Marcus", "Nurse Kim", "Jo", "Dr. Chen"]
LABS = ["K", "Na", "Hgb", "lactate", "troponin", "INR", "glucose", "creatinine"]
PLACES = ["bed 4", "room 12", "bay 3", "room 7B", "[PATIENT]", "[PATIENT] in 14"]

TEMPLATES = [
    "Hi {staff}, could you please recheck the {lab} on {place} when you get a chance? Thanks!",
    "Give {dose} {unit} {drug} {route} to {place} at {time}.",
    "Can you hold the {drug} for {place}? {lab} is {value}.",
    "{lab} back for {place}: {value}. Repleting with {dose} {unit} {drug} {route}.",
    "Thanks for covering tonight, really appreciate it.",
    "Calling about {place}, post-op day 2, BP {bp}, HR {hr}. I think she is bleeding. Please come see her.",
    "I'm concerned about {place}, sats down to {sat}% on 4L. Can you come assess?",
    "Handoff for {place}: admitted with sepsis, on {drug}, afebrile now, plan to recheck {lab} at {time}.",
    "ok",
    "Will do, {dose} {unit} {drug} {route} at {time}.",
    "Got it, thanks {staff}.",
    "Call me when the {lab} is back.",
    "Why is the {drug} still not started for {place}?",
    "Obviously the {drug} dose is wrong. Fix it.",
    "As I already said, {place} needs the {drug} now!!!",
    "You always forget the {time} labs. This is ridiculous.",
    "WHY IS NOBODY ANSWERING THE PAGE FOR {place}???",
    "Sorry to bother you, family of {place} is asking for an update when you have a minute.",
    "Per my last message, the consult for {place} was placed at {time}.",
    "Not my problem, ask the day team about {place}.",
    "Are you stupid? Read the chart before paging me.",
    "Good morning team, quick reminder that huddle is at {time} in the {unit_name} conference room.",
    "By the way, pharmacy says the {drug} is on backorder, maybe we switch to {drug2}?",
    "Please stop paging me about {place}, I'm in a procedure until {time}.",
    "Transfer {place} to ICU STAT, NPO after midnight, BP {bp}.",
    "Would you mind updating the whiteboard for {place}? The family was confused about the plan.",
    "I need you to redo the consent for {place} by {time}.",
    "Do NOT give {drug} to {place}, INR {value}.",
    "Great catch on the {lab} for {place}, thank you so much!",
    "This is a safety issue: {place} has a {drug} allergy and it was ordered anyway.",
]


def make_messages(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    messages = []
    for _ in range(n):
        template = rng.choice(TEMPLATES)
        messages.append(
            template.format(
                staff=rng.choice(STAFF),
                lab=rng.choice(LABS),
                place=rng.choice(PLACES),
                dose=rng.choice(["1", "2", "2.5", "4", "20", "40", "80", "500", "1000"]),
                unit=rng.choice(UNITS),
                drug=rng.choice(DRUGS),
                drug2=rng.choice(DRUGS),
                route=rng.choice(ROUTES),
                time=f"{rng.randint(0, 23):02d}:{rng.choice(['00', '15', '30', '45'])}",
                value=f"{rng.uniform(1, 9):.1f}",
                bp=f"{rng.randint(70, 180)}/{rng.randint(40, 110)}",
                hr=rng.randint(50, 150),
                sat=rng.randint(80, 94),
                unit_name=rng.choice(["4West", "ICU", "ED", "Med-Surg"]),
            )
        )
    return messages


def time_it(fn: object, items: list, repeat: int) -> float:
    assert callable(fn)
    runs = []
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        for item in items:
            fn(*item)
        runs.append(time.perf_counter() - started)
    return min(runs) if repeat > 1 else statistics.mean(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description="Bedside tone analyzer vs VADER throughput.")
    parser.add_argument("-n", "--messages", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1, help="time each side this many times, keep the best")
    args = parser.parse_args()

    messages = make_messages(args.messages)
    words = sum(len(m.split()) for m in messages) / len(messages)
    contexts: list[MessageContext | None] = [
        MessageContext(previous_text=messages[i - 1], sender_role="physician", recipient_roles=("nurse",))
        if i % 4 == 3
        else None
        for i in range(len(messages))
    ]
    analyzer = default_analyzer()
    vader = SentimentIntensityAnalyzer()
    for text in messages[:200]:  # warm caches and lazy loads on both sides
        analyzer.analyze(text)
        vader.polarity_scores(text)

    ours = time_it(analyzer.analyze, list(zip(messages, contexts, strict=True)), args.repeat)
    theirs = time_it(vader.polarity_scores, [(m,) for m in messages], args.repeat)
    n = len(messages)
    print(f"{n} messages, {words:.1f} words on average ({analyzer.name} {analyzer.version})")
    print(f"bedside tone analyzer: {n / ours:10,.0f} messages/s  ({ours:.2f} s)")
    print(f"vaderSentiment:        {n / theirs:10,.0f} messages/s  ({theirs:.2f} s)")
    print(f"ratio (analyzer time / VADER time): {ours / theirs:.2f}x")


if __name__ == "__main__":
    main()
