package org.linoconductor.cli;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The names a person reads ("Make snapshot") for the ids the API gives ({@code MakeSnapshot}),
 * from the deployed BPMN of each process, read once per process. Without it (a user who may not
 * read the process definition) the ids stand in.
 */
final class ProcessNames {

  private final Server server;
  private final Map<String, Map<String, String>> byProcess = new HashMap<>();

  ProcessNames(Server server) {
    this.server = server;
  }

  /** The name of a process's element (the process itself, a task, an end event), else its id. */
  String of(String processKey, String elementId) {
    if (elementId == null) {
      return null;
    }
    if (processKey == null) {
      return elementId;
    }
    return byProcess.computeIfAbsent(processKey, this::load).getOrDefault(elementId, elementId);
  }

  private Map<String, String> load(String processKey) {
    Map<String, String> names = new HashMap<>();
    String xml;
    try {
      xml = Json.text(Json.object(server.engine("/process-definition/key/" + Server.segment(processKey) + "/xml")),
          "bpmn20Xml");
    } catch (ClientFailure e) {
      return names;
    }
    if (xml == null) {
      return names;
    }
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try {
      XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(xml));
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamReader.START_ELEMENT) {
          String id = reader.getAttributeValue(null, "id");
          String name = reader.getAttributeValue(null, "name");
          if (id != null && name != null && !name.isBlank()) {
            names.putIfAbsent(id, name.strip().replaceAll("\\s+", " "));
          }
        }
      }
    } catch (XMLStreamException e) {
      // a diagram the client cannot read: the ids stand in for the names
    }
    return names;
  }
}
