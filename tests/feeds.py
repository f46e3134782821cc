"""Reading Atom and RSS answers in tests (the offer feeds and the calendar feeds)."""

import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"
FORMATEN = ["atom", "rss"]


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response, ET.fromstring(response.content)


def titels(root):
    if root.tag == f"{ATOM}feed":
        return [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]
    return [i.find("title").text for i in root.find("channel").findall("item")]
